namespace Edge.TestSupport;

/// <summary>
/// Damaged variants of a text file, for fuzzing parsers of configuration files: one to three
/// characters that break parsers (brackets, quotes, tabs, colons, dashes, newlines) inserted or
/// characters lost, and one variant in four cut short. Seeded: the same variants every run.
/// </summary>
public static class TextMutations
{
    private const string Breakers = "[]{}-:\"'\t*&!|>?%@`#,\n ";

    public static IEnumerable<string> Of(string text, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var mutated = new System.Text.StringBuilder(text);
            for (int k = random.Next(1, 4); k > 0; k--)
            {
                int at = random.Next(mutated.Length);
                if (random.Next(3) == 0) mutated.Remove(at, 1);
                else mutated.Insert(at, Breakers[random.Next(Breakers.Length)]);
            }
            if (random.Next(4) == 0) mutated.Length = random.Next(mutated.Length);
            yield return mutated.ToString();
        }
    }

    /// <summary>The variants <paramref name="parse"/> fails on with anything but <typeparamref name="TExpected"/>: each a crash to fix, with its input.</summary>
    public static IReadOnlyList<string> Crashes<TExpected>(string text, int count, int seed, Action<string> parse) where TExpected : Exception
    {
        var crashes = new List<string>();
        foreach (string variant in Of(text, count, seed))
        {
            try
            {
                parse(variant);
            }
            catch (TExpected)
            {
            }
            catch (Exception e)
            {
                crashes.Add($"{e.GetType().Name}: {e.Message}\n{variant}");
            }
        }
        return crashes;
    }
}
