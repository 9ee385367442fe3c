package io.ringbridge.simulator;

/** The landing page: what this is, its label, and where things are. */
final class IndexPage {
    private IndexPage() {
    }

    static String render(String label, String base) {
        String banner = label == null || label.isBlank() ? ""
                : "<div id=\"sandbox-label\" style=\"background:#b00020;color:#fff;padding:.4rem .8rem;"
                + "font-weight:bold\">" + escape(label) + "</div>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + (label == null ? "" : escape(label) + " - ") + "RingCentral simulator</title></head><body>\n"
                + banner
                + "<h1>RingCentral simulator</h1>\n<p>Platform API base: <code>" + escape(base) + "</code></p>\n"
                + "<p>Admin API: <code>" + escape(base) + "/admin/settings</code>, <code>/admin/counters</code>,"
                + " <code>/admin/messages</code>. Inbound SMS: <code>POST " + escape(base)
                + "/inbound {\"from\",\"to\",\"text\"}</code>.</p>\n</body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
