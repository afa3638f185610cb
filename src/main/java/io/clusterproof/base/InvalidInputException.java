package io.clusterproof.base;

/** One input is wrong; {@link #field()} names it as forms and the API call it. */
public class InvalidInputException extends UserFacingException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
