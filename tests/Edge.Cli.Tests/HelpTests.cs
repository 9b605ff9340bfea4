using System.CommandLine;

namespace Edge.Cli.Tests;

/// <summary>
/// Every command a user can run explains itself: `--help` succeeds, shows examples that call that
/// very command, and every option says what it does. Walks the real command tree, so a new
/// command without examples fails here.
/// </summary>
[TestClass]
public sealed class HelpTests
{
    [TestMethod]
    public void EveryCommandHasHelpWithItsOwnExamples()
    {
        var leaves = CommandTree.Leaves();
        Assert.IsTrue(leaves.Count >= 20, $"only {leaves.Count} commands found");
        var problems = new List<string>();
        foreach (var (path, command) in leaves)
        {
            var run = CliRun.Of([.. CommandTree.Words(path), "--help"]);
            if (run.ExitCode != 0) problems.Add($"{path} --help exited {run.ExitCode}");
            if (!run.Out.Contains("Examples:")) problems.Add($"{path}: no examples");
            else if (!run.Out[run.Out.IndexOf("Examples:", StringComparison.Ordinal)..].Contains(path, StringComparison.Ordinal))
                problems.Add($"{path}: its examples do not run it");
            foreach (var option in command.Options.Where(o => o.Name is not ("--help" or "--version")))
                if (string.IsNullOrWhiteSpace(option.Description)) problems.Add($"{path} {option.Name}: no description");
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void TheAreasAreListedAtTheTop()
    {
        var run = CliRun.Of("--help");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        // Each area on its own line with a sentence that says what it is for.
        foreach (string area in new[] { "demo", "drift", "model", "board", "pwr", "bridge", "hil" })
            StringAssert.Matches(run.Out, new System.Text.RegularExpressions.Regex($@"(?m)^  {area} +\S+( \S+){{2,}}"), area);
    }
}
