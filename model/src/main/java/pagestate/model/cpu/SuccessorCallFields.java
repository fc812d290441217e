package pagestate.model.cpu;

import pagestate.model.PaddedFields;
import pagestate.model.SystemModel;

/** {@link SuccessorCall}'s fields, written for every state: padded before ({@link PaddedFields}) and after. */
abstract class SuccessorCallFields extends PaddedFields {
    final PackedEdit parent;
    final PackedEdit next;
    final PackedReductions reductions;
    final int words;
    final int hardwareActor;
    long[] state;
    int offset;
    long[] out;
    boolean canonical;
    SystemModel.EncodedSink sink;
    long[] scratch;
    long watched;
    boolean busy;
    /**
     * The parent's canonical form at {@code parentForm[PAD_ELEMENTS ..]}, computed at the first call of this
     * state (when {@link #hasParentForm}).
     */
    long[] parentForm;
    boolean hasParentForm;

    SuccessorCallFields(StateWords f, HvPage[] hvStates, int[] hvIndex, PackedReductions reductions, int words,
                        int hardwareActor) {
        this.parent = new PackedEdit(f, hvStates, hvIndex);
        this.next = new PackedEdit(f, hvStates, hvIndex);
        this.reductions = reductions;
        this.words = words;
        this.hardwareActor = hardwareActor;
    }
}
