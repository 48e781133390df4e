package org.workstudy.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links for pagers: the current request with another page number. Used in templates as {@code @pageLinks}. */
@Component("pageLinks")
public class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", Math.max(page, 0))
                .build().toUriString();
    }
}
