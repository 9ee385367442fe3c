package io.ringbridge.ringcentral;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** RingCentral REST calls made with a user's access token, always about that user ({@code ~}). */
public final class RingCentralApi {

    static final String EXTENSION = "/restapi/v1.0/account/~/extension/~";
    static final String PHONE_NUMBERS = EXTENSION + "/phone-number";
    static final String SMS = EXTENSION + "/sms";
    static final String MESSAGE_STORE = EXTENSION + "/message-store";
    static final String SUBSCRIPTIONS = "/restapi/v1.0/subscription";

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;

    private final RingCentralHttp http;

    RingCentralApi(RingCentralHttp http) {
        this.http = http;
    }

    public ExtensionInfo currentExtension(RingCentralAccess access) {
        return http.send("read extension", http.bearer(access, EXTENSION).GET().build(), ExtensionInfo.class).body();
    }

    /** Every number of the user, following RingCentral's paging to the end. */
    public List<PhoneNumber> phoneNumbers(RingCentralAccess access) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpRequest request = http.bearer(access, PHONE_NUMBERS + "?perPage=" + PAGE_SIZE + "&page=" + page).GET().build();
            PhoneNumberPage answer = http.send("list phone numbers", request, PhoneNumberPage.class).body();
            if (answer.records() != null) {
                numbers.addAll(answer.records());
            }
            if (!answer.hasPageAfter(page)) {
                break;
            }
        }
        return numbers;
    }

    public SmsAccepted sendSms(RingCentralAccess access, SmsRequest sms) {
        Map<String, Object> body = Map.of(
                "from", Map.of("phoneNumber", sms.from()),
                "to", List.of(Map.of("phoneNumber", sms.to())),
                "text", sms.text());
        HttpRequest request = http.bearer(access, SMS)
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(body))
                .build();
        RingCentralHttp.Answer<SmsMessage> answer = http.send("send SMS", request, SmsMessage.class);
        return new SmsAccepted(answer.body(), RateLimitStatus.from(answer.headers()), answer.requestId());
    }

    public SmsMessage message(RingCentralAccess access, String messageId) {
        HttpRequest request = http.bearer(access, MESSAGE_STORE + "/" + RingCentralHttp.encode(messageId)).GET().build();
        return http.send("read message", request, SmsMessage.class).body();
    }

    /**
     * The user's outbound SMS in the message store created since {@code since} (RingCentral's view of what was
     * sent: delivery receipts), read page by page until every id in {@code wanted} was seen or the pages end.
     * RingCentral lists the newest first, and the messages awaiting a receipt are the newest, so a busy sender's
     * receipts cost a page or two, not every message it sent since the oldest one still waiting.
     */
    public List<SmsMessage> outboundSmsSince(RingCentralAccess access, java.time.Instant since, Set<String> wanted) {
        Set<String> missing = new HashSet<>(wanted);
        return outboundSms(access, "dateFrom=" + isoTime(since), page -> {
            page.forEach(message -> missing.remove(message.id()));
            return missing.isEmpty();
        });
    }

    /**
     * One page ({@code page} from 1) of the user's outbound SMS created between {@code from} and {@code to}: to find
     * out which sends whose answers were lost got through, every one of them in a single read. One request, so the
     * caller paces each page.
     */
    public MessageStorePage outboundSmsBetween(RingCentralAccess access, java.time.Instant from, java.time.Instant to,
                                               int page) {
        HttpRequest request = http.bearer(access, MESSAGE_STORE + "?direction=Outbound&messageType=SMS&dateFrom="
                + isoTime(from) + "&dateTo=" + isoTime(to) + "&perPage=" + PAGE_SIZE + "&page=" + page).GET().build();
        RingCentralHttp.Answer<MessagePage> answer = http.send("list messages", request, MessagePage.class);
        MessagePage body = answer.body();
        return new MessageStorePage(body.records() == null ? List.of() : body.records(), body.hasPageAfter(page),
                RateLimitStatus.from(answer.headers()));
    }

    /** Follows paging to the end, or until {@code enough} says the records read so far (one page each call) suffice. */
    private List<SmsMessage> outboundSms(RingCentralAccess access, String filter, Predicate<List<SmsMessage>> enough) {
        List<SmsMessage> found = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpRequest request = http.bearer(access, MESSAGE_STORE + "?direction=Outbound&messageType=SMS&" + filter
                    + "&perPage=" + PAGE_SIZE + "&page=" + page).GET().build();
            MessagePage answer = http.send("list messages", request, MessagePage.class).body();
            List<SmsMessage> records = answer.records() == null ? List.of() : answer.records();
            found.addAll(records);
            if (enough.test(records) || !answer.hasPageAfter(page)) {
                break;
            }
        }
        return found;
    }

    private static String isoTime(java.time.Instant instant) {
        return RingCentralHttp.encode(java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    public Subscription createSubscription(RingCentralAccess access, SubscriptionRequest subscription) {
        // The verification token is optional (spec: WebhookDeliveryModeRequest): left out, not sent as null.
        Map<String, Object> deliveryMode = new LinkedHashMap<>();
        deliveryMode.put("transportType", "WebHook");
        deliveryMode.put("address", subscription.address());
        if (subscription.verificationToken() != null) {
            deliveryMode.put("verificationToken", subscription.verificationToken());
        }
        Map<String, Object> body = Map.of(
                "eventFilters", subscription.eventFilters(),
                "deliveryMode", deliveryMode,
                "expiresIn", subscription.expiresIn());
        HttpRequest request = http.bearer(access, SUBSCRIPTIONS)
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(body))
                .build();
        return http.send("create subscription", request, Subscription.class).body();
    }

    public Subscription subscription(RingCentralAccess access, String subscriptionId) {
        return http.send("read subscription", http.bearer(access, subscriptionPath(subscriptionId)).GET().build(),
                Subscription.class).body();
    }

    /** The subscriptions of this user for this app (RingCentral shows no others). */
    public List<Subscription> subscriptions(RingCentralAccess access) {
        SubscriptionList list = http.send("list subscriptions", http.bearer(access, SUBSCRIPTIONS).GET().build(),
                SubscriptionList.class).body();
        return list.records() == null ? List.of() : list.records();
    }

    /** Extends a subscription by its default lifetime. */
    public Subscription renewSubscription(RingCentralAccess access, String subscriptionId) {
        HttpRequest request = http.bearer(access, subscriptionPath(subscriptionId) + "/renew")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send("renew subscription", request, Subscription.class).body();
    }

    /** Replaces the filters and lifetime of a subscription ({@code PUT}: only these two fields count). */
    public Subscription updateSubscription(RingCentralAccess access, String subscriptionId, List<String> eventFilters,
                                           long expiresIn) {
        HttpRequest request = http.bearer(access, subscriptionPath(subscriptionId))
                .header("Content-Type", "application/json")
                .PUT(http.jsonBody(Map.of("eventFilters", eventFilters, "expiresIn", expiresIn)))
                .build();
        return http.send("update subscription", request, Subscription.class).body();
    }

    public void deleteSubscription(RingCentralAccess access, String subscriptionId) {
        http.send("delete subscription", http.bearer(access, subscriptionPath(subscriptionId)).DELETE().build(), Void.class);
    }

    private static String subscriptionPath(String subscriptionId) {
        return SUBSCRIPTIONS + "/" + RingCentralHttp.encode(subscriptionId);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhoneNumberPage(List<PhoneNumber> records, Paging paging, Navigation navigation) {
        boolean hasPageAfter(int page) {
            return RingCentralApi.hasPageAfter(records, paging, navigation, page);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessagePage(List<SmsMessage> records, Paging paging, Navigation navigation) {
        boolean hasPageAfter(int page) {
            return RingCentralApi.hasPageAfter(records, paging, navigation, page);
        }
    }

    /**
     * {@code paging.totalPages} when given; RingCentral may leave it out "for performance reasons" (spec,
     * {@code EnumeratedPagingModel}), and then the {@code navigation.nextPage} link tells.
     */
    private static boolean hasPageAfter(List<?> records, Paging paging, Navigation navigation, int page) {
        if (records == null || records.isEmpty()) {
            return false;
        }
        if (paging != null && paging.totalPages() != null) {
            return page < paging.totalPages();
        }
        return navigation != null && navigation.nextPage() != null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(Integer page, Integer totalPages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Navigation(Link nextPage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String uri) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubscriptionList(List<Subscription> records) {
    }
}
