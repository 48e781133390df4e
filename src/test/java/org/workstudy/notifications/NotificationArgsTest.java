package org.workstudy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NotificationArgsTest {

    @Test
    void argumentsWithCommasQuotesAndBackslashesComeBackUnchanged() {
        List<String> args = List.of("张三, 李四", "say \"hi\"", "C:\\path\\", "line\nbreak\ttab", "[1,2]", "", "'quoted'",
                "\u0001");
        String json = MessageArgs.encode(args);
        assertThat(json).startsWith("[\"张三, 李四\",\"say \\\"hi\\\"\"");
        assertThat(MessageArgs.decode(json)).isEqualTo(args);
    }

    @Test
    void noArgumentsAreStoredAsNull() {
        assertThat(MessageArgs.encode(List.of())).isNull();
        assertThat(MessageArgs.encode(null)).isNull();
        assertThat(MessageArgs.decode(null)).isEmpty();
        assertThat(MessageArgs.decode("[]")).isEmpty();
    }

    @Test
    void jsonWrittenByOthersIsRead() {
        assertThat(MessageArgs.decode(" [ \"a\" , null, \"\\u4e2d\\/\" ] ")).containsExactly("a", "", "中/");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> MessageArgs.decode("a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageArgs.decode("[\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageArgs.decode("[\"a\" \"b\"]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyLinksInsideTheApplicationAreAccepted() {
        assertThat(Notifications.isLocalLink("/placements/7?tab=hours")).isTrue();
        assertThat(Notifications.isLocalLink("https://evil.example")).isFalse();
        assertThat(Notifications.isLocalLink("//evil.example")).isFalse();
        assertThat(Notifications.isLocalLink("/\\evil.example")).isFalse();
        assertThat(Notifications.isLocalLink(null)).isFalse();
    }
}
