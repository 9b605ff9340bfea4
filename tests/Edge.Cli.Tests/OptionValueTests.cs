using System.CommandLine;
using Edge.Cli.Grammar;

namespace Edge.Cli.Tests;

/// <summary>
/// Every number a user types is read the same way and checked before anything runs: each numeric
/// option declares its range (or says why any finite number is fine), and malformed or out-of-range
/// values are usage errors (exit 2) that name the option, on every command.
/// </summary>
[TestClass]
public sealed class OptionValueTests
{
    // `board infer` --rows and --repeats are checked against the board's own limits (its vector slots,
    // the link's 16-bit count) by the board-link work, once connected; they are left to it.
    private static readonly HashSet<string> CheckedElsewhere = ["edge board infer --rows", "edge board infer --repeats"];

    [TestMethod]
    public void EveryNumericOptionDeclaresItsRange()
    {
        var undeclared = CommandTree.Leaves()
            .SelectMany(l => CommandTree.OwnOptions(l.Command).Where(CommandTree.IsNumeric).Select(o => (Name: $"{l.Path} {o.Name}", Option: o)))
            .Where(o => OptionRules.RuleOf(o.Option) is null && !CheckedElsewhere.Contains(o.Name))
            .Select(o => o.Name).ToList();
        Assert.AreEqual(0, undeclared.Count, "numeric options without a declared range: " + string.Join(", ", undeclared));
    }

    [TestMethod]
    public void MalformedAndOutOfRangeNumbersAreUsageErrorsNamingTheOption()
    {
        string[] malformed = ["abc", "1,5", "NaN", "Infinity", "-Infinity", "1e999", "0x10", ""];
        string[] extreme = ["-1", "0", "-2147483648", "2147483647", "99999999999", "1e300", "-1e300", "0.5"];
        var problems = new List<string>();
        int checkedRuns = 0;
        foreach (var (path, command) in CommandTree.Leaves())
        {
            foreach (var option in CommandTree.OwnOptions(command).Where(CommandTree.IsNumeric))
            {
                foreach (string value in malformed.Concat(extreme))
                {
                    string[] args = [.. CommandTree.Words(path), option.Name, value];
                    var parse = EdgeCli.Build().Parse(args);
                    bool optionRefused = parse.Errors.Any(e => e.Message.Contains(option.Name, StringComparison.Ordinal));
                    if (malformed.Contains(value) && !optionRefused)
                        problems.Add($"{path} {option.Name} '{value}' was accepted");
                    if (!optionRefused) continue; // within the declared range: nothing to run here
                    var run = CliRun.Of(args);
                    checkedRuns++;
                    if (run.ExitCode != (int)ExitCode.Usage) problems.Add($"{path} {option.Name} '{value}': exit {run.ExitCode}\n{run}");
                    if (!run.Error.Contains(option.Name, StringComparison.Ordinal)) problems.Add($"{path} {option.Name} '{value}': the error does not name the option\n{run}");
                    problems.AddRange(UsageOutput.Problems(run).Select(p => $"{path} {option.Name} '{value}': {p}\n{run}"));
                }
            }
        }
        Assert.IsTrue(checkedRuns > 200, $"only {checkedRuns} runs checked");
        Assert.AreEqual(0, problems.Count, string.Join("\n\n", problems.Take(20)));
    }

    [TestMethod]
    public void UsageErrorsAreOneLineAndAPointerToHelp()
    {
        string[][] lines =
        [
            ["drift", "proflie"],
            ["drift"],
            ["model", "convert"],
            ["board", "info", "--no-such-option"],
            ["hil", "run", "--rig"],
            ["drift", "replay", "--precision", "half"],
            ["pwr", "measure", "-p", "x", "--format", "csv"],
        ];
        foreach (var args in lines)
        {
            var run = CliRun.Of(args);
            Assert.AreEqual((int)ExitCode.Usage, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(Array.Empty<string>(), UsageOutput.Problems(run).ToArray(), run.ToString());
            var stderr = run.Error.TrimEnd().Split('\n');
            Assert.AreEqual(2, stderr.Length, run.ToString());
            StringAssert.StartsWith(stderr[1], "see 'edge ");
            StringAssert.EndsWith(stderr[1].TrimEnd(), "--help' for its options and examples");
            Assert.AreEqual("", run.Out, "nothing on stdout");
        }
        StringAssert.Contains(CliRun.Of("drift", "proflie").Error, "did you mean profile?");
    }
}
