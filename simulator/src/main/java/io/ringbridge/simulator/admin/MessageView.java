package io.ringbridge.simulator.admin;

import java.util.List;

/** A message the simulator holds, as tests and the admin API see it. */
public record MessageView(String id, String extensionId, String direction, String from, List<String> to,
                          String text, String messageStatus, String deliveryErrorCode) {
}
