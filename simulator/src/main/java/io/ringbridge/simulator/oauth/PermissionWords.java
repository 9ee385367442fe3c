package io.ringbridge.simulator.oauth;

import java.util.Map;

/** What an app permission lets the app do, in the words the consent page shows to the user. */
final class PermissionWords {
    private static final Map<String, String> KNOWN = Map.of(
            "SMS", "Send and receive SMS",
            "ReadMessages", "Read your messages",
            "ReadAccounts", "Read your account and extension information",
            "WebhookSubscriptions", "Receive notifications of new messages (webhook subscriptions)",
            "ReadContacts", "Read your contacts",
            "ReadCallLog", "Read your call log",
            "EditMessages", "Change and delete your messages",
            "RingOut", "Place calls on your behalf (RingOut)");

    private PermissionWords() {
    }

    /** The known description, or the permission's name split into words ({@code ReadPresence} → "Read presence"). */
    static String of(String permission) {
        String known = KNOWN.get(permission);
        return known != null ? known : spaced(permission);
    }

    private static String spaced(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean wordStart = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if (wordStart) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c == '_' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
