/**
 * In-app messages to accounts: {@link org.workstudy.notifications.Notifications} sends them (a message key and its
 * arguments, rendered in each reader's language), counts the unread ones for the bell in the navigation, lists them
 * and marks them read. Outbound channels (e-mail, WeCom/DingTalk group robots) queue their copy through an
 * {@link org.workstudy.notifications.OutboundQueue} (module delivery).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "web"})
package org.workstudy.notifications;
