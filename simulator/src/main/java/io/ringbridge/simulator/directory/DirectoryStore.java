package io.ringbridge.simulator.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The live directory with lookup indexes. Readers see one immutable snapshot (a volatile read, no lock);
 * writers build the next snapshot under the store's monitor.
 */
public final class DirectoryStore {
    private volatile Snapshot snapshot;

    public DirectoryStore(Directory initial) {
        this.snapshot = Snapshot.of(initial);
    }

    public Directory directory() {
        return snapshot.directory;
    }

    public synchronized void replace(Directory directory) {
        snapshot = Snapshot.of(directory);
    }

    public Optional<App> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(snapshot.apps.get(clientId));
    }

    public Optional<Member> extension(long extensionId) {
        return Optional.ofNullable(snapshot.extensions.get(extensionId));
    }

    /** The extension that owns a phone number (E.164), if any. */
    public Optional<Owned> owner(String phoneNumber) {
        return phoneNumber == null ? Optional.empty() : Optional.ofNullable(snapshot.numbers.get(phoneNumber));
    }

    /** Adds an account; id 0 gets a fresh id. Returns the stored account. */
    public synchronized Account addAccount(Account account) {
        Account stored = account.id() == 0 ? account.withId(nextId()) : account;
        List<Account> accounts = new ArrayList<>(snapshot.directory.accounts());
        accounts.add(stored);
        snapshot = Snapshot.of(new Directory(accounts, snapshot.directory.apps()));
        return stored;
    }

    /** Adds an extension to an account; id 0 gets a fresh id (numbers with id 0 too). */
    public synchronized Extension addExtension(long accountId, Extension extension) {
        Extension stored = extension.id() == 0 ? extension.withId(nextId()) : extension;
        List<PhoneNumber> numbers = new ArrayList<>();
        long next = Math.max(nextId(), stored.id() + 1);
        for (PhoneNumber n : stored.phoneNumbers()) {
            numbers.add(n.id() == 0 ? n.withId(next++) : n);
        }
        Extension withIds = new Extension(stored.id(), stored.extensionNumber(), stored.name(), stored.type(),
                stored.status(), stored.contact(), numbers);
        updateAccount(accountId, a -> a.plus(withIds));
        return withIds;
    }

    /** Adds a phone number to an extension; id 0 gets a fresh id. */
    public synchronized PhoneNumber addPhoneNumber(long extensionId, PhoneNumber number) {
        Member member = extension(extensionId)
                .orElseThrow(() -> new IllegalArgumentException("unknown extension " + extensionId));
        PhoneNumber stored = number.id() == 0 ? number.withId(nextId()) : number;
        updateAccount(member.account().id(), a -> {
            List<Extension> extensions = new ArrayList<>();
            for (Extension e : a.extensions()) {
                extensions.add(e.id() == extensionId ? e.withNumber(stored) : e);
            }
            return a.withExtensions(extensions);
        });
        return stored;
    }

    public synchronized App addApp(App app) {
        List<App> apps = new ArrayList<>();
        for (App existing : snapshot.directory.apps()) {
            if (!existing.clientId().equals(app.clientId())) {
                apps.add(existing);
            }
        }
        apps.add(app);
        snapshot = Snapshot.of(new Directory(snapshot.directory.accounts(), apps));
        return app;
    }

    private void updateAccount(long accountId, UnaryOperator<Account> change) {
        boolean found = false;
        List<Account> accounts = new ArrayList<>();
        for (Account a : snapshot.directory.accounts()) {
            if (a.id() == accountId) {
                accounts.add(change.apply(a));
                found = true;
            } else {
                accounts.add(a);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        snapshot = Snapshot.of(new Directory(accounts, snapshot.directory.apps()));
    }

    /** A fresh id above every id in use (ids are shared by accounts, extensions and numbers for simplicity). */
    private long nextId() {
        long max = 400_000_000L;
        for (Account a : snapshot.directory.accounts()) {
            max = Math.max(max, a.id());
            for (Extension e : a.extensions()) {
                max = Math.max(max, e.id());
                for (PhoneNumber n : e.phoneNumbers()) {
                    max = Math.max(max, n.id());
                }
            }
        }
        return max + 1;
    }

    /** An extension together with its account. */
    public record Member(Account account, Extension extension) {
    }

    /** A phone number together with the extension and account owning it. */
    public record Owned(Account account, Extension extension, PhoneNumber number) {
    }

    private record Snapshot(Directory directory, Map<String, App> apps, Map<Long, Member> extensions,
                            Map<String, Owned> numbers) {

        static Snapshot of(Directory directory) {
            Map<String, App> apps = new HashMap<>();
            for (App app : directory.apps()) {
                if (apps.put(app.clientId(), app) != null) {
                    throw new IllegalArgumentException("duplicate app clientId " + app.clientId());
                }
            }
            Map<Long, Member> extensions = new HashMap<>();
            Map<String, Owned> numbers = new HashMap<>();
            for (Account account : directory.accounts()) {
                for (Extension extension : account.extensions()) {
                    if (extensions.put(extension.id(), new Member(account, extension)) != null) {
                        throw new IllegalArgumentException("duplicate extension id " + extension.id());
                    }
                    for (PhoneNumber number : extension.phoneNumbers()) {
                        if (numbers.put(number.phoneNumber(), new Owned(account, extension, number)) != null) {
                            throw new IllegalArgumentException("phone number assigned twice " + number.phoneNumber());
                        }
                    }
                }
            }
            return new Snapshot(directory, Map.copyOf(apps), Map.copyOf(extensions), Map.copyOf(numbers));
        }
    }
}
