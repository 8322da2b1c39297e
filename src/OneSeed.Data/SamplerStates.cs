namespace OneSeed.Data;

internal static class SamplerStates
{
    /// <summary>Stateless samplers accept only "no state" (null, or the JSON literal null).</summary>
    public static void RequireNone(string? state, string sampler)
    {
        if (state is not null && state.Trim() != "null")
        {
            throw new FormatException($"{sampler} has no state, but was given one ({Shorten(state)}); was the state saved with another sampler?");
        }
    }

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
