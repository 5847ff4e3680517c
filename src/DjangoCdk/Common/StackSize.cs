namespace DjangoCdk;

/// <summary>What a piece of a construct adds to its stack: CloudFormation resources and bytes of template.</summary>
internal readonly record struct StackSize(int Resources, long Bytes)
{
    public static StackSize operator +(StackSize a, StackSize b) => new(a.Resources + b.Resources, a.Bytes + b.Bytes);
    public static StackSize operator -(StackSize a, StackSize b) => new(a.Resources - b.Resources, a.Bytes - b.Bytes);

    /// <summary>This size <paramref name="count"/> times.</summary>
    public StackSize Times(int count) => new(Resources * count, Bytes * count);
}
