package com.tradesignal.publisher.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoardRecordsTest {

    @Test
    void onlyTheIndicesRowsAreForTheBoardAndAnUnreadableRowGoesToTheBoardToBeCounted() {
        assertThat(BoardRecords.isBoardRow("{\"symbol\":\"NIFTY 50\",\"token\":256265,\"interval\":\"1m\"}")).isTrue();
        assertThat(BoardRecords.isBoardRow("{\"symbol\":\"NIFTY26DECFUT\",\"token\":13238786,\"interval\":\"1m\"}")).isFalse();
        assertThat(BoardRecords.isBoardRow("{\"symbol\":{\"a\":[1]},\"token\":1}")).isFalse();
        assertThat(BoardRecords.isBoardRow("{not json")).isTrue();
        assertThat(BoardRecords.isBoardRow("{\"symbol\":\"X\"}")).isTrue();
    }
}
