package io.ringbridge.simulator.directory;

import java.util.ArrayList;
import java.util.List;

/** An extension (a user) of an account with its phone numbers. */
public record Extension(long id, String extensionNumber, String name, String type, String status, Contact contact,
                        List<PhoneNumber> phoneNumbers) {

    public Extension {
        type = type == null ? "User" : type;
        status = status == null ? "Enabled" : status;
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
    }

    Extension withId(long newId) {
        return new Extension(newId, extensionNumber, name, type, status, contact, phoneNumbers);
    }

    Extension withNumber(PhoneNumber number) {
        List<PhoneNumber> numbers = new ArrayList<>(phoneNumbers);
        numbers.add(number);
        return new Extension(id, extensionNumber, name, type, status, contact, numbers);
    }
}
