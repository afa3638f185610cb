package io.clusterproof.catalog;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a set of CIDR blocks together covers every address of IPv4 or of IPv6: {@code 0.0.0.0/0}
 * written as {@code 0.0.0.0/1} and {@code 128.0.0.0/1} is still everyone. Blocks that do not
 * parse are ignored (the API server would have refused them).
 */
public final class Cidrs {

    private Cidrs() {}

    public static boolean coverEverything(Iterable<?> cidrs) {
        var v4 = new ArrayList<BigInteger[]>();
        var v6 = new ArrayList<BigInteger[]>();
        for (var cidr : cidrs) {
            var range = range(String.valueOf(cidr).trim());
            if (range != null) {
                (range.bits() == 32 ? v4 : v6).add(range.bounds());
            }
        }
        return covers(v4, 32) || covers(v6, 128);
    }

    /** Whether the block contains the address (both of the same family); false when either does not parse. */
    public static boolean contains(String cidr, String address) {
        var block = range(cidr.trim());
        var single = range(address.trim() + (address.contains(":") ? "/128" : "/32"));
        return block != null
                && single != null
                && block.bits() == single.bits()
                && block.bounds()[0].compareTo(single.bounds()[0]) <= 0
                && single.bounds()[1].compareTo(block.bounds()[1]) <= 0;
    }

    private record Range(int bits, BigInteger[] bounds) {}

    private static @Nullable Range range(String cidr) {
        var slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            var address = InetAddress.getByName(cidr.substring(0, slash));
            var bits = address.getAddress().length * 8;
            var prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return null;
            }
            var size = BigInteger.ONE.shiftLeft(bits - prefix);
            var start = new BigInteger(1, address.getAddress())
                    .shiftRight(bits - prefix)
                    .shiftLeft(bits - prefix);
            return new Range(bits, new BigInteger[] {start, start.add(size)});
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    /** Merges half-open ranges from address zero; covered when the merge reaches 2^bits. */
    private static boolean covers(List<BigInteger[]> ranges, int bits) {
        ranges.sort(Comparator.comparing(r -> r[0]));
        var reached = BigInteger.ZERO;
        for (var range : ranges) {
            if (range[0].compareTo(reached) > 0) {
                return false;
            }
            reached = reached.max(range[1]);
        }
        return reached.equals(BigInteger.ONE.shiftLeft(bits));
    }
}
