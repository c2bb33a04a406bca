# syntax=docker/dockerfile:1
# Wirenrich worker: a static binary on a distroless, non-root base.
#   docker build -t wirenrich .
#   docker run --rm -p 8080:8080 -p 4222:4222 -v wirenrich-data:/data wirenrich
# With no WIRENRICH_NATS_URL the image starts its embedded NATS server
# (listening on all interfaces inside the container so the port can be
# published); set WIRENRICH_NATS_URL to use your NATS cluster instead.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/worker ./cmd/worker \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/worker /usr/local/bin/worker
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
ENV WIRENRICH_DATA_DIR=/data \
    WIRENRICH_EMBEDDED_LISTEN=0.0.0.0:4222 \
    WIRENRICH_HTTP_ADDR=:8080
VOLUME ["/data"]
EXPOSE 4222 8080
ENTRYPOINT ["/usr/local/bin/worker"]
