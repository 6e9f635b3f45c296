// A non-D00000 envelope (or a transport failure, code TRANSPORT) from the iAM Smart platform.
package iamsmart;

public final class IamSmartException extends RuntimeException {
  private final String code;
  private final String txID;

  public IamSmartException(String code, String message, String txID) {
    super(code + " " + message);
    this.code = code;
    this.txID = txID;
  }

  /** The D-code, e.g. D40004 (code already used), D20009 (access token expired). */
  public String code() {
    return code;
  }

  public String txID() {
    return txID;
  }
}
