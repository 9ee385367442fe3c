package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import java.util.List;

/**
 * The login-and-consent page: pick the account user to sign in as (each shown with extension number and phone
 * numbers), read what the app may do in words, then Approve or Deny. Stable element ids for tests: form
 * {@code #consent-form}, select {@code #user} (name {@code user}, values {@code accountId:extensionId}), list
 * {@code #permissions}, buttons {@code #approve} / {@code #deny} (name {@code decision}).
 */
final class ConsentPage {
    private ConsentPage() {
    }

    static String render(String label, String action, String requestId, App app, List<Account> accounts) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(label == null ? "" : Html.escape(label) + " - ")
                .append("RingCentral simulator - Sign in</title>")
                .append("<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto}")
                .append(".label{background:#b00020;color:#fff;padding:.4rem .8rem;font-weight:bold;")
                .append("letter-spacing:.1em}button{margin-right:1rem;padding:.4rem 1.2rem}select{max-width:100%}")
                .append("</style></head><body>\n");
        banner(html, label);
        html.append("<h1>RingCentral simulator</h1>\n")
                .append("<p id=\"app-name\"><strong>").append(Html.escape(app.name() == null ? app.clientId()
                        : app.name())).append("</strong> asks for access to your RingCentral account.</p>\n")
                .append("<p>If you approve, it will be able to:</p>\n<ul id=\"permissions\">\n");
        for (String permission : app.permissions()) {
            html.append("<li title=\"").append(Html.escape(permission)).append("\">")
                    .append(Html.escape(PermissionWords.of(permission))).append("</li>\n");
        }
        html.append("</ul>\n")
                .append("<form id=\"consent-form\" method=\"post\" action=\"").append(Html.escape(action))
                .append("\">\n<input type=\"hidden\" name=\"request_id\" value=\"").append(Html.escape(requestId))
                .append("\">\n<label for=\"user\">Sign in as</label>\n<select id=\"user\" name=\"user\">\n");
        for (Account account : accounts) {
            html.append("<optgroup label=\"").append(Html.escape(account.name())).append("\">\n");
            for (Extension e : account.extensions()) {
                if ("Enabled".equals(e.status())) {
                    html.append("<option value=\"").append(account.id()).append(':').append(e.id()).append("\">")
                            .append(Html.escape(userLine(e))).append("</option>\n");
                }
            }
            html.append("</optgroup>\n");
        }
        html.append("</select>\n<p>\n")
                .append("<button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\">Approve</button>\n")
                .append("<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny</button>\n")
                .append("</p>\n</form>\n</body></html>\n");
        return html.toString();
    }

    /** e.g. {@code Alice Able, ext. 101: +16505550101, +18885550102}. */
    private static String userLine(Extension extension) {
        StringBuilder line = new StringBuilder(extension.name() == null ? "" : extension.name());
        line.append(", ext. ").append(extension.extensionNumber());
        List<String> numbers = extension.phoneNumbers().stream().map(PhoneNumber::phoneNumber).toList();
        line.append(numbers.isEmpty() ? " (no phone numbers)" : ": " + String.join(", ", numbers));
        return line.toString();
    }

    static String error(String label, String title, String message) {
        StringBuilder html = new StringBuilder(512);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title></head><body>\n");
        banner(html, label);
        html.append("<h1 id=\"error-title\">").append(Html.escape(title)).append("</h1>\n<p id=\"error-message\">")
                .append(Html.escape(message)).append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static void banner(StringBuilder html, String label) {
        if (label != null && !label.isBlank()) {
            html.append("<div class=\"label\" id=\"sandbox-label\">").append(Html.escape(label)).append("</div>\n");
        }
    }
}
