package pagestate.specs;

/** A value together with the place it was written, so later passes can blame the right token. */
record Located<T>(T value, Pos pos) { }
