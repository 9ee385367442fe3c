package io.ringbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static final String SMILE = "\uD83D\uDE00"; // 😀, one code point in two UTF-16 units

    @Test
    void emptyBodyHasNoParts() {
        assertThat(Segments.of("")).isEmpty();
        assertThat(Segments.count("")).isZero();
    }

    @Test
    void shortBodyIsOnePart() {
        assertThat(Segments.of("Your code is 4711")).containsExactly("Your code is 4711");
    }

    @Test
    void aThousandUnitsFitInOnePart() {
        String body = "a".repeat(1000);

        assertThat(Segments.of(body)).containsExactly(body);
    }

    @Test
    void theThousandAndFirstUnitStartsTheNextPart() {
        assertThat(Segments.of("a".repeat(1000) + "b")).containsExactly("a".repeat(1000), "b");
    }

    @Test
    void partsAreCountedInCodeUnitsNotBytes() {
        // Neither GSM-7 nor UCS-2 decide the split: RingCentral's limit is per request, in characters.
        assertThat(Segments.count("é".repeat(1000))).isEqualTo(1);
        assertThat(Segments.count("中".repeat(1001))).isEqualTo(2);
        assertThat(Segments.count("{}[]~^|\\€".repeat(111) + "x")).isEqualTo(1);
    }

    @Test
    void bodyOf1600CharactersIsTwoParts() {
        String body = "x".repeat(1600);

        assertThat(Segments.of(body)).containsExactly("x".repeat(1000), "x".repeat(600));
    }

    @Test
    void exactMultiplesLeaveNoEmptyPart() {
        assertThat(Segments.of("a".repeat(2000))).containsExactly("a".repeat(1000), "a".repeat(1000));
        assertThat(Segments.count("a".repeat(2001))).isEqualTo(3);
    }

    @Test
    void surrogatePairAcrossTheLimitMovesWholeToTheNextPart() {
        String body = "a".repeat(999) + SMILE;

        assertThat(Segments.of(body)).containsExactly("a".repeat(999), SMILE);
    }

    @Test
    void surrogatePairEndingAtTheLimitStaysInItsPart() {
        String body = "a".repeat(998) + SMILE;

        assertThat(Segments.of(body)).containsExactly(body);
    }

    @Test
    void emojiOnlyBodySplitsBetweenPairs() {
        String evenStart = SMILE.repeat(600);
        String oddStart = "a" + SMILE.repeat(600);

        assertThat(Segments.of(evenStart)).containsExactly(SMILE.repeat(500), SMILE.repeat(100));
        assertThat(Segments.of(oddStart)).containsExactly("a" + SMILE.repeat(499), SMILE.repeat(101));
    }

    @Test
    void everyPartIsValidTextAndTogetherTheyAreTheBody() {
        String body = ("Hi " + SMILE + " ").repeat(700);

        List<String> parts = Segments.of(body);

        assertThat(String.join("", parts)).isEqualTo(body);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isBetween(1, Segments.MAX_UNITS);
            assertThat(Character.isLowSurrogate(part.charAt(0))).as("starts inside a pair").isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("ends inside a pair").isFalse();
        });
        assertThat(Segments.count(body)).isEqualTo(parts.size()).isEqualTo(5);
    }
}
