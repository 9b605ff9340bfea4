using System.Text.RegularExpressions;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// One meaning per short option across the whole tool (`-p` once meant --profile in drift and
/// --port in board): the test walks the real command tree, and the table in
/// host/Edge.Cli/README.md must list exactly the short options in use, each with its one meaning.
/// </summary>
[TestClass]
public sealed partial class ShortOptionTests
{
    /// <summary>Spellings of one meaning: --board / --boards, --model / --models, --out / --output.</summary>
    private static string Meaning(string longName) => longName == "--out" ? "--output" : longName.TrimEnd('s');

    private static Dictionary<string, List<(string Command, string Long)>> ShortOptions()
    {
        var uses = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (path, command) in CommandTree.Leaves())
            foreach (var option in CommandTree.OwnOptions(command))
                foreach (string alias in option.Aliases.Where(a => a.Length == 2 && a[0] == '-'))
                {
                    if (!uses.TryGetValue(alias, out var list)) uses[alias] = list = [];
                    list.Add((path, option.Name));
                }
        return uses;
    }

    [TestMethod]
    public void EachShortOptionMeansOneThingEverywhere()
    {
        var clashes = ShortOptions()
            .Where(u => u.Value.Select(x => Meaning(x.Long)).Distinct().Count() > 1)
            .Select(u => $"{u.Key}: {string.Join(", ", u.Value.Select(x => $"{x.Long} in {x.Command}"))}")
            .ToList();
        Assert.AreEqual(0, clashes.Count, "short options with two meanings:\n" + string.Join("\n", clashes));
    }

    [TestMethod]
    public void TheReadmeTableListsExactlyTheShortOptionsInUse()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "host", "Edge.Cli", "README.md"));
        var documented = Row().Matches(readme).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        Assert.IsTrue(documented.Count >= 10, "the README's short-option table was not found");
        var inUse = ShortOptions();
        foreach (var (alias, uses) in inUse)
        {
            Assert.IsTrue(documented.TryGetValue(alias, out string? meaning), $"{alias} is used ({uses[0].Long} in {uses[0].Command}) but not in the README table");
            Assert.AreEqual(Meaning(meaning!), Meaning(uses[0].Long), $"{alias}: README says {meaning}");
        }
        foreach (string alias in documented.Keys) Assert.IsTrue(inUse.ContainsKey(alias), $"the README documents {alias}, which no command has");
    }

    // | `-p` | `--port` | ...
    [GeneratedRegex(@"^\| `(-[a-zA-Z])` \| `(--[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
