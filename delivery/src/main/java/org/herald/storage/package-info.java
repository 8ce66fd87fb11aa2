/** Storage plumbing shared by every module's stores: their one exception. */
package org.herald.storage;
