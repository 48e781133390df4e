package org.workstudy.placements;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.places.UnmatchedPlaces;

/**
 * Self-arranged work whose free-text city no division matched (V58). Its out-of-city decision was taken when it was
 * registered and stays; a returned registration is re-submitted with a place chosen from the list.
 */
@Component
class UnmatchedSelfArrangedPlaces implements UnmatchedPlaces {

    private final SelfArrangedStore store;

    UnmatchedSelfArrangedPlaces(SelfArrangedStore store) {
        this.store = store;
    }

    @Override
    public List<Place> unmatched() {
        return store.unmatchedPlaces();
    }
}
