package io.github.sncamunda.servicenow.auth;

/**
 * The token endpoint's answer as the client received it: status, body and ServiceNow's own error
 * text ({@code error}/{@code error_description} or a snippet). Never printed: the body holds
 * tokens.
 */
public record TokenReply(int status, byte[] body, String reason) {

  boolean successful() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "TokenReply[status=" + status + ", body=" + ServiceNowAuthentication.REDACTED + "]";
  }
}
