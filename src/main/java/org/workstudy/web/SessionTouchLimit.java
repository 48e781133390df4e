package org.workstudy.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Sessions are written back only when something in them changed. Spring Session marks a session changed on every
 * request because it moves the last-access time, so with the JDBC store every request of a signed-in person ended with
 * an UPDATE of {@code spring_session} and its commit. This wraps the session repository so that the last-access time
 * moves only once it is {@code workstudy.session.touch-interval} (60 s) old: requests within that time write nothing
 * unless an attribute or the id changed. A session therefore expires between the interval and the full timeout after
 * the last request (29–30 minutes with the defaults). An interval of 0 turns the wrapper off.
 */
@Component
class SessionTouchLimit implements BeanPostProcessor {

    private final Duration interval;

    SessionTouchLimit(@Value("${workstudy.session.touch-interval:60s}") Duration interval) {
        this.interval = interval;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FindByIndexNameSessionRepository repository && !(bean instanceof Repository)
                && !interval.isZero()) {
            return new Repository<>((FindByIndexNameSessionRepository<Session>) repository, interval);
        }
        return bean;
    }

    /** The store's repository, handing out sessions whose last-access time moves at most once per interval. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Touched<S>> {

        private final FindByIndexNameSessionRepository<S> store;
        private final Duration interval;

        Repository(FindByIndexNameSessionRepository<S> store, Duration interval) {
            this.store = store;
            this.interval = interval;
        }

        @Override
        public Touched<S> createSession() {
            return new Touched<>(store.createSession(), interval);
        }

        @Override
        public void save(Touched<S> session) {
            store.save(session.session);
        }

        @Override
        public Touched<S> findById(String id) {
            S found = store.findById(id);
            return found == null ? null : new Touched<>(found, interval);
        }

        @Override
        public void deleteById(String id) {
            store.deleteById(id);
        }

        @Override
        public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return store.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new Touched<>(e.getValue(), interval)));
        }
    }

    /** A session whose last-access time ignores moves shorter than the interval. */
    static final class Touched<S extends Session> implements Session {

        private final S session;
        private final Duration interval;

        Touched(S session, Duration interval) {
            this.session = session;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Instant last = session.getLastAccessedTime();
            if (last == null || lastAccessedTime.isBefore(last)
                    || Duration.between(last, lastAccessedTime).compareTo(interval) >= 0) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
