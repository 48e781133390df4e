package org.workstudy.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The division list as read from {@code places/divisions.csv}: look-up by code, search, the city a division lies in,
 * and the matching of free-text places written before codes existed. Pure and immutable (no Spring), so that the
 * Flyway migration that maps old places can use it too.
 */
public final class DivisionList {

    /** The four municipalities (直辖市): the municipality itself is the city of its districts. */
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");
    private static final String[] SUFFIXES = {"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
        "地区", "林区", "特区", "新区", "矿区", "盟", "省", "市", "区", "县", "旗"};

    private static volatile DivisionList standard;

    private final Map<String, Division> byCode;
    private final List<Division> all;

    DivisionList(List<Division> divisions) {
        Map<String, Division> map = new LinkedHashMap<>();
        divisions.forEach(d -> map.put(d.code(), d));
        this.byCode = Map.copyOf(map);
        this.all = List.copyOf(divisions);
    }

    /** The list shipped with the application. */
    public static DivisionList standard() {
        DivisionList list = standard;
        if (list == null) {
            try (InputStream in = DivisionList.class.getResourceAsStream("/places/divisions.csv")) {
                list = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = list;
        }
        return list;
    }

    static DivisionList read(InputStream in) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", -1);
                    rows.put(f[0], f);
                }
            }
        }
        List<Division> out = new ArrayList<>(rows.size());
        Map<String, String> fullNames = new HashMap<>();
        for (String[] f : rows.values()) {
            String parent = f[3].isEmpty() ? null : f[3];
            String full = parent == null ? f[1] : fullNames.get(parent) + " " + f[1];
            fullNames.put(f[0], full);
            out.add(new Division(f[0], f[1], Integer.parseInt(f[2]), parent, full));
        }
        return new DivisionList(out);
    }

    public int size() {
        return all.size();
    }

    public Optional<Division> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim()));
    }

    /**
     * Whether a division can be chosen as a place: a city or county, or a municipality; a province alone says too
     * little to tell whether work is in the home city.
     */
    public boolean choosable(Division d) {
        return d.level() > 1 || MUNICIPALITIES.contains(d.code());
    }

    /**
     * The city a division lies in, which "out of the home city" compares: the prefecture-level city of a county; the
     * municipality of its districts; a county directly under its province is its own city. A province has none.
     */
    public Optional<Division> cityOf(String code) {
        Division d = byCode.get(code);
        if (d == null) {
            return Optional.empty();
        }
        if (d.level() == 1) {
            return MUNICIPALITIES.contains(d.code()) ? Optional.of(d) : Optional.empty();
        }
        if (d.level() == 2) {
            return Optional.of(d);
        }
        Division parent = byCode.get(d.parentCode());
        if (parent.level() == 2 || MUNICIPALITIES.contains(parent.code())) {
            return Optional.of(parent);
        }
        return Optional.of(d);
    }

    /** Whether both places lie in the same city (思明区 350203 and 厦门市 350200 do; 泉州市 350500 does not). */
    public boolean sameCity(String code, String otherCode) {
        Optional<Division> a = cityOf(code);
        return a.isPresent() && a.equals(cityOf(otherCode));
    }

    /**
     * Divisions whose name or full name contains every word of the query (or whose code starts with it), cities and
     * counties before their parents' siblings: exact names first, then by level and code. Blank query: none.
     */
    public List<Division> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String[] words = q.split("[\\s,，/]+");
        List<Division> hits = new ArrayList<>();
        for (Division d : all) {
            if (!choosable(d)) {
                continue;
            }
            String hay = d.fullName().replace(" ", "");
            boolean all = true;
            for (String w : words) {
                if (!(hay.contains(w) || d.code().startsWith(w))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits.add(d);
            }
        }
        hits.sort(Comparator.comparing((Division d) -> !(d.name().equals(q) || stem(d.name()).equals(q)))
                .thenComparing(d -> !d.name().contains(q))
                .thenComparingInt(Division::level).thenComparing(Division::code));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /**
     * The division a free-text place names, if exactly one fits: "厦门", "厦门市", "福建省厦门市思明区", "思明区",
     * "福建厦门". The most specific division whose name (with or without its 省/市/区/县 suffix) the text contains,
     * and whose province and city, where the text names one, agree. Ambiguous ("鼓楼区": 福州, 南京, 徐州, 开封) or
     * unknown (a typo, "Xiamen") text matches nothing.
     */
    public Optional<Division> match(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replaceAll("[\\s　]+", "").toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.matches("\\d{6}")) {
            return find(t).filter(this::choosable);
        }
        List<Division> named = all.stream().filter(d -> mentions(t, d)).toList();
        // the deepest divisions named, whose named ancestors are consistent
        List<Division> candidates = new ArrayList<>();
        for (Division d : named) {
            boolean deeper = named.stream().anyMatch(o -> o != d && isAncestor(d, o));
            if (!deeper) {
                candidates.add(d);
            }
        }
        if (candidates.size() > 1) {
            // prefer those whose ancestors the text also names ("福州鼓楼区" → 福州市鼓楼区)
            int best = candidates.stream().mapToInt(d -> namedAncestors(d, named)).max().orElse(0);
            candidates = candidates.stream().filter(d -> namedAncestors(d, named) == best).toList();
        }
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        Division d = candidates.get(0);
        return choosable(d) ? Optional.of(d) : Optional.empty();
    }

    private boolean mentions(String text, Division d) {
        String stem = stem(d.name());
        return text.contains(d.name()) || (stem.length() >= 2 && text.contains(stem));
    }

    private boolean isAncestor(Division ancestor, Division d) {
        for (String p = d.parentCode(); p != null; p = byCode.get(p).parentCode()) {
            if (p.equals(ancestor.code())) {
                return true;
            }
        }
        return false;
    }

    private int namedAncestors(Division d, List<Division> named) {
        int n = 0;
        for (String p = d.parentCode(); p != null; p = byCode.get(p).parentCode()) {
            String code = p;
            if (named.stream().anyMatch(x -> x.code().equals(code))) {
                n++;
            }
        }
        return n;
    }

    /** The name without its administrative suffix: 厦门市 → 厦门, 广西壮族自治区 → 广西, 思明区 → 思明. */
    static String stem(String name) {
        for (String s : SUFFIXES) {
            if (name.endsWith(s) && name.length() > s.length() + 1) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }
}
