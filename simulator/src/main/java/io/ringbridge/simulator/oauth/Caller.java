package io.ringbridge.simulator.oauth;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Extension;

/** The authenticated user and app behind an API request. */
public record Caller(TokenPair token, App app, Account account, Extension extension) {

    public String extensionIdText() {
        return Long.toString(extension.id());
    }

    public String accountIdText() {
        return Long.toString(account.id());
    }

    public String sessionId() {
        return token.session().id();
    }
}
