package org.herald.sip.publish;

import java.util.List;
import java.util.Optional;

/** The publications aggregate. */
public interface PublicationStore {

    Optional<Publication> findByEntityTag(String entityTag);

    /** Inserts or replaces (by id) durably. */
    void save(Publication publication);

    void remove(String id);

    /** Every stored publication, for loading at start-up. */
    List<Publication> all();

    long count();
}
