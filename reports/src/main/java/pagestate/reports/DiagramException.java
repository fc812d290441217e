package pagestate.reports;

/** A diagram could not be drawn; the message is one line saying why. */
public class DiagramException extends RuntimeException {

    public DiagramException(String message) {
        super(message);
    }

    public DiagramException(String message, Throwable cause) {
        super(message, cause);
    }
}
