package org.herald.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.herald.sip.proxy.BestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stateful forwarding of a request to several branches in parallel (RFC 3261 §16.6–16.8):
 * provisional and 2xx responses go upstream at once, a 2xx to INVITE cancels the other branches,
 * and once every branch has a final answer the best failure is relayed.
 */
final class ProxyTransaction {
    private static final Logger log = LoggerFactory.getLogger(ProxyTransaction.class);

    /** What the stack does for a proxy transaction. */
    interface Wire {
        /** Relays a branch's response (null: answer with the bare status, Herald's own). */
        void respondUpstream(ServerTransaction server, int status, Response response);

        void cancel(ClientTransaction branch);
    }

    private final ServerTransaction server;
    private final Wire wire;
    private final boolean invite;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ClientTransaction> branches = new ArrayList<>();
    private final List<Integer> finalStatuses = new ArrayList<>();
    private final List<Response> finals = new ArrayList<>();
    private int open;
    private boolean answered;

    ProxyTransaction(ServerTransaction server, Wire wire) {
        this.server = server;
        this.wire = wire;
        this.invite = Request.INVITE.equals(server.getRequest().getMethod());
    }

    void addBranch(ClientTransaction branch) {
        lock.lock();
        try {
            branches.add(branch);
            open++;
        } finally {
            lock.unlock();
        }
    }

    /** A branch could not be sent or timed out: it counts as answered by Herald with this status. */
    void branchFailed(ClientTransaction branch, int status) {
        onFinal(branch, status, null);
    }

    void onResponse(ClientTransaction branch, Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            if (status > 100 && !isAnswered()) wire.respondUpstream(server, status, response);
            return;
        }
        onFinal(branch, status, response);
    }

    private void onFinal(ClientTransaction branch, int status, Response response) {
        List<ClientTransaction> toCancel = List.of();
        int upstreamStatus = 0;
        Response upstream = null;
        lock.lock();
        try {
            open--;
            if (status < 300) {
                if (!answered || invite) { // every 2xx to INVITE goes up (forked answers)
                    upstream = response;
                    upstreamStatus = status;
                }
                if (!answered && invite) {
                    toCancel = branches.stream().filter(b -> b != branch).toList();
                }
                answered = true;
            } else {
                finalStatuses.add(status);
                finals.add(response);
                if (open <= 0 && !answered) {
                    answered = true;
                    int best = BestResponse.choose(finalStatuses);
                    upstream = finals.get(best);
                    upstreamStatus = BestResponse.relayed(finalStatuses.get(best));
                    if (upstreamStatus != finalStatuses.get(best)) upstream = null;
                }
            }
        } finally {
            lock.unlock();
        }
        if (upstreamStatus != 0) wire.respondUpstream(server, upstreamStatus, upstream);
        toCancel.forEach(wire::cancel);
    }

    /** The caller sent CANCEL: cancel every branch; the 487s come back as their final answers. */
    void cancelAll() {
        List<ClientTransaction> all;
        lock.lock();
        try {
            all = List.copyOf(branches);
        } finally {
            lock.unlock();
        }
        all.forEach(wire::cancel);
        log.debug("cancelled {} branch(es)", all.size());
    }

    private boolean isAnswered() {
        lock.lock();
        try {
            return answered;
        } finally {
            lock.unlock();
        }
    }
}
