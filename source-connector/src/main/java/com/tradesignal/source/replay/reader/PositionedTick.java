package com.tradesignal.source.replay.reader;

import com.tradesignal.tick.Tick;

/** A tick read from a file, with where that file resumes after it (what the split's checkpoint records). */
public record PositionedTick(Tick tick, int fileIndex, long byteOffsetAfter, long lineNumberAfter) {}
