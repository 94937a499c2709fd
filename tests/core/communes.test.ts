import fc from "fast-check";
import {
  COMMUNE_ALIASES,
  COMMUNES,
  damerauLevenshtein,
  findCommuneByInsee,
  matchCommune,
  normalizeInsee,
  normalizeName,
  type CommuneMatch,
} from "../../src/core/communes";
import { BASINS, type Basin, type Commune } from "../../src/core/types";

function byInsee(insee: string): Commune {
  const commune = COMMUNES.find((c) => c.insee === insee);
  if (commune === undefined) throw new Error(`no commune ${insee} in the reference`);
  return commune;
}

function matchedInsee(result: CommuneMatch): string | null {
  return result.kind === "match" ? result.commune.insee : null;
}

function suggestionsOf(result: CommuneMatch): readonly string[] {
  if (result.kind !== "unknown") throw new Error(`expected unknown, got a match on ${result.commune.name}`);
  return result.suggestions;
}

describe("COMMUNES (generated reference)", () => {
  it("lists the 34 CUCM communes, each once, with valid 71xxx codes", () => {
    expect(COMMUNES).toHaveLength(34);
    expect(new Set(COMMUNES.map((c) => c.insee)).size).toBe(34);
    expect(new Set(COMMUNES.map((c) => normalizeName(c.name))).size).toBe(34);
    for (const c of COMMUNES) {
      expect(c.insee).toMatch(/^71\d{3}$/);
      expect(Number.isSafeInteger(c.population) && c.population > 0).toBe(true);
      expect(c.populationYear).toBe(2023);
      expect(BASINS).toContain(c.basin);
    }
  });

  it("is sorted by population descending, then name", () => {
    for (let i = 1; i < COMMUNES.length; i++) {
      const prev = COMMUNES[i - 1] as Commune;
      const cur = COMMUNES[i] as Commune;
      expect(
        prev.population > cur.population || (prev.population === cur.population && prev.name <= cur.name),
      ).toBe(true);
    }
    expect(COMMUNES[0]?.name).toBe("Le Creusot");
    expect(COMMUNES[33]?.name).toBe("Marigny");
  });

  it("has the exact counts and populations per basin", () => {
    const per = (basin: Basin): { communes: number; population: number } => {
      const list = COMMUNES.filter((c) => c.basin === basin);
      return { communes: list.length, population: list.reduce((s, c) => s + c.population, 0) };
    };
    expect(per("nord")).toEqual({ communes: 18, population: 44562 });
    expect(per("sud")).toEqual({ communes: 16, population: 45784 });
    expect(COMMUNES.reduce((s, c) => s + c.population, 0)).toBe(90346);
  });

  it("knows the main populations (1 January 2023)", () => {
    expect(byInsee("71153").population).toBe(20509);
    expect(byInsee("71306").population).toBe(17064);
    expect(byInsee("71486").population).toBe(8508);
    expect(byInsee("71278").population).toBe(166);
  });

  it("puts Saint-Eusèbe in nord, unconfirmed, and only it", () => {
    const eusebe = byInsee("71412");
    expect(eusebe.name).toBe("Saint-Eusèbe");
    expect(eusebe.basin).toBe("nord");
    expect(eusebe.basinConfirmed).toBe(false);
    expect(COMMUNES.filter((c) => !c.basinConfirmed).map((c) => c.insee)).toEqual(["71412"]);
  });

  it.each([
    ["Le Creusot", "nord"],
    ["Montchanin", "nord"],
    ["Écuisses", "nord"],
    ["Torcy", "nord"],
    ["Montceau-les-Mines", "sud"],
    ["Saint-Vallier", "sud"],
    ["Blanzy", "sud"],
    ["Mont-Saint-Vincent", "sud"],
  ])("puts %s in %s", (name, basin) => {
    expect(COMMUNES.find((c) => c.name === name)?.basin).toBe(basin);
  });

  it("flags exactly the 13 ex-CEJ communes of the article", () => {
    const exCej = COMMUNES.filter((c) => c.exCej)
      .map((c) => c.name)
      .sort((a, b) => a.localeCompare(b, "fr"));
    expect(exCej).toEqual([
      "Blanzy",
      "Ciry-le-Noble",
      "Écuisses",
      "Génelard",
      "Le Breuil",
      "Le Creusot",
      "Marmagne",
      "Montceau-les-Mines",
      "Montchanin",
      "Perrecy-les-Forges",
      "Saint-Vallier",
      "Sanvignes-les-Mines",
      "Torcy",
    ]);
  });
});

describe("normalizeName", () => {
  it.each([
    ["St-Vallier", "saint vallier"],
    ["ST VALLIER", "saint vallier"],
    ["Saint Vallier", "saint vallier"],
    ["saint-vallier", "saint vallier"],
    ["St. Vallier", "saint vallier"],
    ["  Saint   -  Vallier  ", "saint vallier"],
    ["Ste-Marie", "sainte marie"],
    ["Écuisses", "ecuisses"],
    ["ECUISSES", "ecuisses"],
    ["Saint-Laurent-d'Andenay", "saint laurent d andenay"],
    ["Saint-Laurent-d’Andenay", "saint laurent d andenay"],
    ["Saint Laurent d Andenay", "saint laurent d andenay"],
    ["Saint-Eusèbe", "saint eusebe"],
    ["Génelard", "genelard"],
    ["Le Creusot", "le creusot"],
    ["Creusot", "creusot"],
    ["Cœuvres\u00a0et Valsery", "coeuvres et valsery"],
    ["Stenay", "stenay"],
    ["Mast", "mast"],
    ["", ""],
    [" - ' ", ""],
  ])("%j → %j", (text, expected) => {
    expect(normalizeName(text)).toBe(expected);
  });
});

describe("normalizeInsee and findCommuneByInsee", () => {
  it.each([
    ["71153", "71153"],
    [" 71153 ", "71153"],
    ["71153.0", "71153"],
    ["2a004", "2A004"],
    ["2B033", "2B033"],
    ["1004", "01004"],
    ["7115", "07115"],
    ["711530", null],
    ["715", null],
    ["0153", null],
    ["71 153", null],
    ["Le Creusot", null],
    ["", null],
  ])("normalizeInsee(%j) = %j", (text, expected) => {
    expect(normalizeInsee(text)).toBe(expected);
  });

  it("finds a commune by its code, as text or as a number turned into text", () => {
    expect(findCommuneByInsee("71153", COMMUNES)?.name).toBe("Le Creusot");
    expect(findCommuneByInsee(String(71306), COMMUNES)?.name).toBe("Montceau-les-Mines");
    expect(findCommuneByInsee(" 71412 ", COMMUNES)?.name).toBe("Saint-Eusèbe");
  });

  it("gives undefined for an unknown code or a text that is not a code", () => {
    expect(findCommuneByInsee("71999", COMMUNES)).toBeUndefined();
    expect(findCommuneByInsee("Le Creusot", COMMUNES)).toBeUndefined();
    expect(findCommuneByInsee("71153", [])).toBeUndefined();
  });
});

describe("matchCommune", () => {
  it.each([
    // official names, any case, accents, hyphens, apostrophes
    ["Le Creusot", "71153"],
    ["LE CREUSOT", "71153"],
    ["le-creusot", "71153"],
    ["Montceau-les-Mines", "71306"],
    ["Montceau les Mines", "71306"],
    ["MONTCEAU-LES-MINES", "71306"],
    ["montceau  les   mines ", "71306"],
    ["St-Vallier", "71486"],
    ["ST VALLIER", "71486"],
    ["Saint Vallier", "71486"],
    ["Ecuisses", "71187"],
    ["Écuisses", "71187"],
    ["GENELARD", "71212"],
    ["St Eusebe", "71412"],
    ["Saint-Laurent-d’Andenay", "71436"],
    ["Saint Laurent d'Andenay", "71436"],
    ["St-Berain-sous-Sanvignes", "71390"],
    ["Mont St Vincent", "71320"],
    ["Les Bizots", "71038"],
  ])("matches %j by name (%s)", (text, insee) => {
    const result = matchCommune(text, COMMUNES);
    expect(result).toEqual({ kind: "match", commune: byInsee(insee), by: "name" });
  });

  it.each([
    ["Montceau", "71306"],
    ["MONTCEAU", "71306"],
    ["Sanvignes", "71499"],
    ["Ciry", "71132"],
    ["Perrecy", "71346"],
    ["Creusot", "71153"],
    ["Creusot (Le)", "71153"],
    ["Breuil", "71059"],
    ["Breuil (Le)", "71059"],
    ["Bizots", "71038"],
    ["Bizots (Les)", "71038"],
    ["Saint-Berain", "71390"],
    ["St Berain", "71390"],
    ["Saint-Symphorien", "71482"],
    ["Saint-Romain", "71477"],
    ["Saint-Laurent", "71436"],
    ["St-Laurent", "71436"],
    ["Saint-Julien", "71435"],
    ["Saint-Sernin", "71479"],
    ["Saint-Pierre", "71468"],
  ])("matches the short form %j by alias (%s)", (text, insee) => {
    const result = matchCommune(text, COMMUNES);
    expect(result).toEqual({ kind: "match", commune: byInsee(insee), by: "alias" });
  });

  it.each([
    ["71153", "71153"],
    [String(71153), "71153"],
    [" 71306 ", "71306"],
    ["71278", "71278"],
  ])("matches the code %j by insee (%s)", (text, insee) => {
    const result = matchCommune(text, COMMUNES);
    expect(result).toEqual({ kind: "match", commune: byInsee(insee), by: "insee" });
  });

  it("gives unknown, without suggestions, for a code outside the reference", () => {
    expect(matchCommune("71999", COMMUNES)).toEqual({ kind: "unknown", suggestions: [] });
    expect(matchCommune("75056", COMMUNES)).toEqual({ kind: "unknown", suggestions: [] });
  });

  it.each(["", "   ", "-", "'"])("gives unknown, without suggestions, for the empty text %j", (text) => {
    expect(matchCommune(text, COMMUNES)).toEqual({ kind: "unknown", suggestions: [] });
  });

  it.each([
    ["Montcaeu", ["Montceau-les-Mines"]],
    ["Le Creuzot", ["Le Creusot"]],
    ["Creuzot", ["Le Creusot"]],
    ["Montceau-les-Mine", ["Montceau-les-Mines"]],
    ["Monceau", ["Montceau-les-Mines"]],
    ["Sanvigne", ["Sanvignes-les-Mines"]],
    ["Blanzi", ["Blanzy"]],
    ["Torci", ["Torcy"]],
    ["Genelar", ["Génelard"]],
    ["Marigni", ["Marigny"]],
    ["Saint-Laurant", ["Saint-Laurent-d'Andenay"]],
    ["Mory", ["Mary", "Morey", "Ciry-le-Noble"]],
  ])("gives unknown with suggestions for the typo %j", (text, expected) => {
    expect(suggestionsOf(matchCommune(text, COMMUNES))).toEqual(expected);
  });

  it.each(["Paris", "xyz", "Chalon-sur-Saône", "Saint", "Le", "Mines"])(
    "gives unknown without suggestions for %j, far from every name",
    (text) => {
      expect(suggestionsOf(matchCommune(text, COMMUNES))).toEqual([]);
    },
  );

  it("never gives more than 3 suggestions, sorted by distance then name", () => {
    const suggestions = suggestionsOf(matchCommune("Saint Martin", COMMUNES));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(new Set(suggestions).size).toBe(suggestions.length);
    for (const s of suggestions) expect(COMMUNES.map((c) => c.name)).toContain(s);
  });

  it("ranks a suggestion by its nearest form, the official name or a short form", () => {
    // "saint romin" is 1 from the alias "saint romain", far from "saint romain sous gourdon".
    expect(suggestionsOf(matchCommune("Saint-Romin", COMMUNES))[0]).toBe("Saint-Romain-sous-Gourdon");
    // Nearer first: "Mory" is 1 from Mary and Morey, 2 from the alias Ciry.
    expect(suggestionsOf(matchCommune("Mory", COMMUNES))).toEqual(["Mary", "Morey", "Ciry-le-Noble"]);
  });

  it("sorts equally distant suggestions by name (French collation)", () => {
    const reference: Commune[] = [
      { ...byInsee("71278"), insee: "99001", name: "Zabc" },
      { ...byInsee("71278"), insee: "99002", name: "Éabc" },
      { ...byInsee("71278"), insee: "99003", name: "Aabc" },
      { ...byInsee("71278"), insee: "99004", name: "Habcd" },
    ];
    expect(suggestionsOf(matchCommune("Qabc", reference))).toEqual(["Aabc", "Éabc", "Zabc"]);
  });

  it("does not match a mere prefix or a name with the article removed, outside the alias table", () => {
    expect(matchCommune("Saint", COMMUNES).kind).toBe("unknown");
    expect(matchCommune("Mont", COMMUNES).kind).toBe("unknown");
    expect(matchCommune("Saint-Vincent", COMMUNES).kind).toBe("unknown");
    expect(matchCommune("Les Mines", COMMUNES).kind).toBe("unknown");
  });

  describe("against an edited reference", () => {
    const montceau = byInsee("71306");
    const creusot = byInsee("71153");

    it("resolves aliases by INSEE code, so a renamed or re-populated commune keeps its short forms", () => {
      const edited: Commune[] = [{ ...montceau, name: "Montceau-les-Mines (ville)", basin: "nord" }, creusot];
      const result = matchCommune("Montceau", edited);
      expect(result).toEqual({ kind: "match", commune: edited[0], by: "alias" });
      expect(matchCommune("Montceau-les-Mines (ville)", edited)).toEqual({
        kind: "match",
        commune: edited[0],
        by: "name",
      });
    });

    it("does not match an alias whose commune is not in the reference", () => {
      expect(matchCommune("Montceau", [creusot]).kind).toBe("unknown");
      expect(matchCommune("Creusot", [creusot])).toEqual({ kind: "match", commune: creusot, by: "alias" });
    });

    it("lets an official name of the reference win over another commune's short form", () => {
      const breuilElsewhere: Commune = { ...byInsee("71278"), insee: "99999", name: "Breuil" };
      const edited: Commune[] = [byInsee("71059"), breuilElsewhere];
      expect(matchCommune("Breuil", edited)).toEqual({ kind: "match", commune: breuilElsewhere, by: "name" });
      expect(matchCommune("Le Breuil", edited)).toEqual({
        kind: "match",
        commune: byInsee("71059"),
        by: "name",
      });
    });

    it("matches codes of other departments, including Corsica and a lost leading zero", () => {
      const ajaccio: Commune = { ...byInsee("71278"), insee: "2A004", name: "Ajaccio" };
      const ain: Commune = { ...byInsee("71278"), insee: "01004", name: "Ambérieu-en-Bugey" };
      expect(matchCommune("2a004", [ajaccio, ain])).toEqual({ kind: "match", commune: ajaccio, by: "insee" });
      expect(matchCommune("1004", [ajaccio, ain])).toEqual({ kind: "match", commune: ain, by: "insee" });
      expect(matchCommune("Amberieu en Bugey", [ajaccio, ain])).toEqual({
        kind: "match",
        commune: ain,
        by: "name",
      });
    });

    it("works on an empty reference", () => {
      expect(matchCommune("Le Creusot", [])).toEqual({ kind: "unknown", suggestions: [] });
    });
  });
});

describe("COMMUNE_ALIASES", () => {
  const official = new Map(COMMUNES.map((c) => [normalizeName(c.name), c.insee]));

  it("has only codes of the reference", () => {
    const codes = new Set(COMMUNES.map((c) => c.insee));
    for (const insee of Object.keys(COMMUNE_ALIASES)) expect(codes.has(insee)).toBe(true);
  });

  it("is unambiguous within the 34: no alias is an official name or an alias of another commune", () => {
    const seen = new Map<string, string>();
    for (const [insee, aliases] of Object.entries(COMMUNE_ALIASES)) {
      for (const alias of aliases) {
        const key = normalizeName(alias);
        expect(key).not.toBe("");
        expect(official.has(key)).toBe(false);
        const other = seen.get(key);
        expect(other === undefined || other === insee).toBe(true);
        seen.set(key, insee);
      }
    }
  });

  it("matches every alias to its own commune", () => {
    for (const [insee, aliases] of Object.entries(COMMUNE_ALIASES)) {
      for (const alias of aliases) expect(matchedInsee(matchCommune(alias, COMMUNES))).toBe(insee);
    }
  });
});

describe("damerauLevenshtein", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["montceau", "montceau", 0],
    ["montcaeu", "montceau", 1],
    ["ab", "ba", 1],
    ["ca", "abc", 2],
    ["kitten", "sitting", 3],
    ["le creuzot", "le creusot", 1],
  ])("d(%j, %j) = %d", (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
    expect(damerauLevenshtein(b, a)).toBe(expected);
  });

  it("is a metric bounded by the longer length", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        const ab = damerauLevenshtein(a, b);
        expect(ab).toBe(damerauLevenshtein(b, a));
        expect(ab === 0).toBe(a === b);
        expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(ab).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(damerauLevenshtein(a, c)).toBeLessThanOrEqual(ab + damerauLevenshtein(b, c));
      }),
    );
  });
});

describe("property: every official name survives case, accent and separator changes", () => {
  const HYPHEN_SPACE: Readonly<Record<string, readonly string[]>> = {
    "-": [" ", "-", "  ", " - ", "\u2011"],
    " ": ["-", " ", "  "],
    "'": ["\u2019", "'", " "],
  };

  /** Applies one random change to each character, chosen by `choice`. */
  function garble(name: string, choices: readonly number[], pad: readonly [string, string]): string {
    let out = "";
    [...name].forEach((ch, i) => {
      const choice = choices[i] ?? 0;
      let c = ch;
      if (choice & 1) c = c.toUpperCase();
      if (choice & 2) c = c.normalize("NFD").replace(/\p{M}/gu, "");
      const swaps = HYPHEN_SPACE[ch];
      if (swaps !== undefined && choice & 4) c = swaps[(choice >> 3) % swaps.length] ?? c;
      out += c;
    });
    return pad[0] + out + pad[1];
  }

  it("matches the same commune by name", () => {
    const arb = fc.constantFrom(...COMMUNES).chain((commune) =>
      fc.tuple(
        fc.constant(commune),
        fc.array(fc.integer({ min: 0, max: 63 }), {
          minLength: commune.name.length,
          maxLength: commune.name.length,
        }),
        fc.tuple(fc.constantFrom("", " ", "  ", "\t"), fc.constantFrom("", " ", "\u00a0")),
      ),
    );
    fc.assert(
      fc.property(arb, ([commune, choices, pad]) => {
        const text = garble(commune.name, choices, pad);
        const result = matchCommune(text, COMMUNES);
        expect(result).toEqual({ kind: "match", commune, by: "name" });
      }),
      { numRuns: 1000 },
    );
  });

  it("matches the same commune with Saint written St, in any case", () => {
    const saints = COMMUNES.filter((c) => c.name.includes("Saint"));
    expect(saints.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(
        fc.constantFrom(...saints),
        fc.constantFrom("St", "ST", "st", "St.", "st."),
        (commune, st) => {
          const text = commune.name.replace(/Saint/g, st);
          expect(matchedInsee(matchCommune(text, COMMUNES))).toBe(commune.insee);
        },
      ),
    );
  });
});
