package pagestate.model.cpu;

import pagestate.model.PaddedFields;

/** {@link PackedEdit}'s fields, set for every state: padded before ({@link PaddedFields}) and after. */
abstract class PackedEditFields extends PaddedFields {
    final StateWords f;
    final HvPage[] hvStates;
    final int[] hvIndex;        // by HvPage ordinal: its index among the platform's states (shared)
    long[] w;
    int base;

    PackedEditFields(StateWords f, HvPage[] hvStates, int[] hvIndex) {
        this.f = f;
        this.hvStates = hvStates;
        this.hvIndex = hvIndex;
    }
}
