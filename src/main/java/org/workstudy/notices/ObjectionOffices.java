package org.workstudy.notices;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;

/**
 * The office that answers objections to each kind of notice (declared by the module that publishes the kind), and the
 * way the board tells that module what became of its items: {@link ObjectionUpheld} and {@link NoticeFinalized},
 * synchronously, in the caller's transaction. A test may stand in for a kind's module ({@link #standIn}).
 */
@Component
class ObjectionOffices {

    private final ApplicationEventPublisher events;
    private final Map<NoticeKind, ObjectionOffice> offices = new EnumMap<>(NoticeKind.class);
    private final Map<NoticeKind, StandIn> standIns = new ConcurrentHashMap<>();

    ObjectionOffices(ApplicationEventPublisher events, List<ObjectionOffice> offices) {
        this.events = events;
        offices.forEach(o -> this.offices.put(o.kind(), o));
    }

    Optional<ObjectionOffice> office(NoticeKind kind) {
        StandIn standIn = standIns.get(kind);
        return Optional.ofNullable(standIn != null ? standIn.office() : offices.get(kind));
    }

    /** Publishes to the kind's module, or to its stand-in while a test holds one. */
    void tell(NoticeKind kind, Object event) {
        StandIn standIn = standIns.get(kind);
        if (standIn != null) {
            standIn.hears().accept(event);
        } else {
            events.publishEvent(event);
        }
    }

    Set<Role> answerers(NoticeKind kind) {
        return office(kind).map(ObjectionOffice::answeredBy).orElse(Set.of());
    }

    Set<NoticeKind> kindsAnsweredBy(CurrentUser user) {
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            if (user.activeRole() != null && answerers(kind).contains(user.activeRole())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private record StandIn(ObjectionOffice office, Consumer<Object> hears) {
    }

    /**
     * Tests only: {@code office} stands in for its kind's office, and {@code hears} receives the kind's events instead
     * of the module that publishes it, until the returned handle is closed; so that the board can be tested apart from
     * the modules that publish notices, without another Spring context.
     */
    AutoCloseable standIn(ObjectionOffice office, Consumer<Object> hears) {
        StandIn standIn = new StandIn(office, hears);
        standIns.put(office.kind(), standIn);
        return () -> standIns.remove(office.kind(), standIn);
    }
}
