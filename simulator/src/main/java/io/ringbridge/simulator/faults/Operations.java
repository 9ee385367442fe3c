package io.ringbridge.simulator.faults;

import java.util.List;

/** The stable operation names, used to aim faults and in counters. */
public final class Operations {
    public static final String AUTHORIZE = "authorize";
    public static final String CONSENT = "consent";
    public static final String TOKEN = "token";
    public static final String REVOKE = "revoke";
    public static final String GET_ACCOUNT = "getAccount";
    public static final String GET_EXTENSION = "getExtension";
    public static final String LIST_PHONE_NUMBERS = "listPhoneNumbers";
    public static final String SEND_SMS = "sendSms";
    public static final String GET_MESSAGE = "getMessage";
    public static final String LIST_MESSAGES = "listMessages";
    public static final String CREATE_SUBSCRIPTION = "createSubscription";
    public static final String GET_SUBSCRIPTION = "getSubscription";
    public static final String LIST_SUBSCRIPTIONS = "listSubscriptions";
    public static final String UPDATE_SUBSCRIPTION = "updateSubscription";
    public static final String RENEW_SUBSCRIPTION = "renewSubscription";
    public static final String DELETE_SUBSCRIPTION = "deleteSubscription";
    public static final String INBOUND = "inbound";
    public static final String RINGCX_LOGIN = "ringCxLogin";
    public static final String RINGCX_REFRESH = "ringCxRefresh";
    public static final String RINGCX_ACCOUNTS = "ringCxAccounts";
    /** Admin routes: never hit by faults. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(AUTHORIZE, CONSENT, TOKEN, REVOKE, GET_ACCOUNT, GET_EXTENSION,
            LIST_PHONE_NUMBERS, SEND_SMS, GET_MESSAGE, LIST_MESSAGES, CREATE_SUBSCRIPTION, GET_SUBSCRIPTION,
            LIST_SUBSCRIPTIONS, UPDATE_SUBSCRIPTION, RENEW_SUBSCRIPTION, DELETE_SUBSCRIPTION, INBOUND,
            RINGCX_LOGIN, RINGCX_REFRESH, RINGCX_ACCOUNTS);

    private Operations() {
    }
}
