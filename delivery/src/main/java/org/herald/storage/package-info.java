/** Storage plumbing shared by every module's stores: durability of acknowledged writes, errors. */
package org.herald.storage;
