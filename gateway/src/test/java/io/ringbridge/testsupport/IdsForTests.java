package io.ringbridge.testsupport;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

final class IdsForTests {

    private IdsForTests() {
    }

    static String random() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
