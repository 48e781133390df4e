package org.workstudy.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.workstudy.identity.CurrentUser;

/** What the layout needs on every page: the user and the menu of their active role. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final List<MenuItem> menu;

    LayoutModel(List<MenuItem> menu) {
        this.menu = menu.stream().sorted(Comparator.comparingInt(MenuItem::order)).toList();
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUser.find().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The current URL without its page number, ending so that a page number can be appended (for pagers). */
    @ModelAttribute("pageUrl")
    String pageUrl() {
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page").build().toUriString();
        return url + (url.contains("?") ? "&" : "?") + "page=";
    }

    /** The top-level entries of the active role. */
    @ModelAttribute("menu")
    List<MenuItem> menu() {
        return ofActiveRole().stream().filter(item -> item.groupKey() == null).toList();
    }

    /** The grouped entries of the active role: group key → entries, in order. */
    @ModelAttribute("menuGroups")
    java.util.Map<String, List<MenuItem>> menuGroups() {
        return ofActiveRole().stream().filter(item -> item.groupKey() != null).collect(java.util.stream.Collectors
                .groupingBy(MenuItem::groupKey, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    private List<MenuItem> ofActiveRole() {
        return CurrentUser.find()
                .map(user -> menu.stream().filter(item -> item.roles().contains(user.activeRole())).toList())
                .orElse(List.of());
    }
}
