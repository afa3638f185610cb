package io.clusterproof.evidence;

/** What an export produces. */
public enum ExportFormat {
    PACK("Evidence pack (ZIP, kept in the locker)", "zip", "application/zip"),
    PDF("PDF evidence report", "pdf", "application/pdf"),
    FINDINGS_CSV("Findings CSV", "csv", "text/csv"),
    CONTROLS_CSV("Control matrix CSV", "csv", "text/csv");

    private final String label;
    private final String extension;
    private final String contentType;

    ExportFormat(String label, String extension, String contentType) {
        this.label = label;
        this.extension = extension;
        this.contentType = contentType;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
