/**
 * The format of every public identifier and generated secret ({@code IdKind}): one place makes and checks them.
 */
@NamedInterface("ids")
package io.ringbridge.platform.ids;

import org.springframework.modulith.NamedInterface;
