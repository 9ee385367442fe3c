package io.ringbridge.connection;

import java.util.List;

/** The answer of {@code GET /v1/rc/extensions}. */
record ExtensionList(List<ConnectionStatus.ExtensionView> extensions) {
}
