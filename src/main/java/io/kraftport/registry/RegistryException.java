package io.kraftport.registry;

import io.kraftport.KraftportException;

/**
 * A schema registry answered a request with an error: the HTTP status, the registry's {@code
 * error_code} (0 when the body carried none) and its message. Made only by {@link RegistryErrors},
 * the one place that reads error responses. Authentication failures and unreachable registries are
 * {@link io.kraftport.UnreachableException}s instead.
 */
public final class RegistryException extends KraftportException {
  private static final long serialVersionUID = 1L;

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int SUBJECT_MODE_NOT_CONFIGURED = 40409;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INCOMPATIBLE_SCHEMA_V2 = 40901;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY = 42203;
  public static final int INVALID_MODE = 42204;
  public static final int OPERATION_NOT_PERMITTED = 42205;
  public static final int REFERENCE_EXISTS = 42206;
  public static final int ID_DOES_NOT_MATCH = 42207;
  public static final int INVALID_SUBJECT = 42208;

  private final int httpStatus;
  private final int errorCode;

  RegistryException(String message, int httpStatus, int errorCode) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or 0 when the response carried none. */
  public int errorCode() {
    return errorCode;
  }

  public boolean is(int code) {
    return errorCode == code;
  }

  public boolean isSubjectNotFound() {
    return errorCode == SUBJECT_NOT_FOUND;
  }

  public boolean isVersionNotFound() {
    return errorCode == VERSION_NOT_FOUND;
  }

  public boolean isSchemaNotFound() {
    return errorCode == SCHEMA_NOT_FOUND;
  }

  public boolean isCompatibilityNotConfigured() {
    return errorCode == SUBJECT_COMPATIBILITY_NOT_CONFIGURED;
  }

  public boolean isModeNotConfigured() {
    return errorCode == SUBJECT_MODE_NOT_CONFIGURED;
  }

  public boolean isOperationNotPermitted() {
    return errorCode == OPERATION_NOT_PERMITTED;
  }

  public boolean isIdMismatch() {
    return errorCode == ID_DOES_NOT_MATCH;
  }

  public boolean isIncompatible() {
    return errorCode == INCOMPATIBLE_SCHEMA || errorCode == INCOMPATIBLE_SCHEMA_V2;
  }

  /** Any "not found" answer, with or without a registry error code. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }

  /**
   * The endpoint does not exist on this server (404 or 405 without a registry error code, or 501).
   */
  public boolean isUnsupportedEndpoint() {
    return (errorCode == 0 || errorCode == 404 || errorCode == 405)
            && (httpStatus == 404 || httpStatus == 405)
        || httpStatus == 501;
  }

  /** A registry's error answer: it was reached and refused the request (exit 3, as a refusal). */
  @Override
  public Kind kind() {
    return Kind.UNREACHABLE;
  }
}
