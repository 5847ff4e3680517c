using System.Globalization;

namespace DjangoCdk;

/// <summary>The checks many props share, bound to the construct path that errors name.</summary>
internal sealed record PropChecks(string Path)
{
    public T Range<T>(string prop, T value, double min, double max) where T : IConvertible
    {
        var number = value.ToDouble(CultureInfo.InvariantCulture);
        if (number < min || number > max)
            throw Errors.OutOfRange(Path, prop, number.ToString(CultureInfo.InvariantCulture), $"Allowed: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    public void Counts(string minProp, int min, string maxProp, int max)
    {
        Range(minProp, min, 1, 1000);
        Range(maxProp, max, 1, 1000);
        if (min > max)
            throw Errors.Conflict(Path, minProp, min, $"{maxProp} is {max}; the minimum cannot be above the maximum.");
    }

    public void Command(string prop, string[]? command)
    {
        if (command is null) return;
        if (command.Length == 0 || command.Any(string.IsNullOrWhiteSpace))
            throw Errors.Invalid(Path, prop, command, "A command is a non-empty list of non-empty arguments, e.g. [\"python\", \"manage.py\", \"migrate\"].");
    }
}
