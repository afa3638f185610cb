package io.clusterproof.remediation;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.CanonicalJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded evidence file, accepted only when its content is what its name says: PDF, PNG, JPEG,
 * an Office document, or plain UTF-8 text. Its SHA-256 is kept with it.
 */
record EvidenceFile(String name, String contentType, byte[] content, String digest) {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"));

    static EvidenceFile of(String name, byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw new UserFacingException(name + " is empty.");
        }
        if (content.length > maxBytes) {
            throw new UserFacingException(
                    name + " is " + (content.length >> 10) + " KiB; evidence files may have at most " + (maxBytes >> 10)
                            + " KiB. Link to large documents instead.");
        }
        var dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        var type = TYPES.get(extension);
        if (type == null) {
            throw new UserFacingException(name + ": evidence must be PDF, PNG, JPEG, DOCX, XLSX, TXT, MD or CSV.");
        }
        if (!contentMatches(extension, content)) {
            throw new UserFacingException(name + " does not contain what its name says (." + extension + ").");
        }
        return new EvidenceFile(name, type, content, CanonicalJson.sha256(content));
    }

    private static boolean contentMatches(String extension, byte[] content) {
        return switch (extension) {
            case "pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "png" -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "jpg", "jpeg" -> startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "docx", "xlsx" -> startsWith(content, new byte[] {'P', 'K', 3, 4});
            default -> isText(content);
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] content) {
        try {
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return text.chars().noneMatch(c -> c == 0);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
