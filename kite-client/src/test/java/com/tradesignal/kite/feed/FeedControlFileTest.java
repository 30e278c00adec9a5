package com.tradesignal.kite.feed;

import com.tradesignal.market.FeedSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedControlFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansFollowTheCalendar() {
        assertThat(new FeedControlFile(dir.resolve("feed-control.json")).read()).isEqualTo(FeedSchedule.Override.NONE);
    }

    @Test
    void whatTheOperatorWritesIsWhatTheFeedReads() throws Exception {
        FeedControlFile control = new FeedControlFile(dir.resolve("sub/feed-control.json"));
        control.write(FeedSchedule.Override.FORCE_OFF, "cli");
        assertThat(control.read()).isEqualTo(FeedSchedule.Override.FORCE_OFF);
        control.write(FeedSchedule.Override.FORCE_ON, "publisher");
        assertThat(control.read()).isEqualTo(FeedSchedule.Override.FORCE_ON);
        assertThat(Files.readString(control.file())).contains("\"requested_by\":\"publisher\"");
        try (var files = Files.list(control.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("feed-control.json");
        }
    }

    @Test
    void anUnknownOverrideIsAnErrorNamingTheFileAndTheField() throws Exception {
        Path file = dir.resolve("feed-control.json");
        Files.writeString(file, "{\"override\":\"MAYBE\"}");
        assertThatThrownBy(() -> new FeedControlFile(file).read())
                .hasMessageContaining(file.toString()).hasMessageContaining("override").hasMessageContaining("MAYBE");
    }

    @Test
    void aFileWithoutTheOverrideFieldOrNotJsonIsAnErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("feed-control.json");
        Files.writeString(file, "{\"requested_by\":\"x\"}");
        assertThatThrownBy(() -> new FeedControlFile(file).read()).hasMessageContaining(file.toString()).hasMessageContaining("override");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new FeedControlFile(file).read()).hasMessageContaining(file.toString());
    }
}
