package pagestate.model.cpu;

/** What a page holds, as an abstract value (docs/model.md section 3). */
public enum Content {
    /** Private data of the guest, in plaintext as the guest sees it. */
    SECRET,
    /** Zeroes (ACCEPT zeroes the page). */
    ZERO,
    /** Data the host wrote, or data the guest wrote for the host. */
    HOST_DATA,
    /** Ciphertext or other bytes no one meant: what a mismatched-key access or write-back leaves. */
    GARBAGE,
    /** A poisoned line (TDX integrity failure): a private read raises #MC. */
    POISON;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
