/**
 * A response whose body is sent as the text chunks are made, pulled only as
 * fast as the client reads; a client that goes away stops the generator (and
 * the query behind it).
 */
export function streamedText(chunks: AsyncGenerator<string>, headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers });
}
