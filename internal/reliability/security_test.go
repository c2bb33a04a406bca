package reliability_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nkeys"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/service"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o600))
	return p
}

// testPKI is a self-signed CA with a server certificate for 127.0.0.1 and
// a client certificate, as PEM files.
type testPKI struct {
	caFile, serverCert, serverKey, clientCert, clientKey string
}

func newPKI(t *testing.T) testPKI {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "wirenrich test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	require.NoError(t, err)
	ca, err := x509.ParseCertificate(caDER)
	require.NoError(t, err)
	leaf := func(serial int64, usage x509.ExtKeyUsage) (certPEM, keyPEM []byte) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		require.NoError(t, err)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "127.0.0.1"},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
			IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
			KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		require.NoError(t, err)
		kder, err := x509.MarshalECPrivateKey(key)
		require.NoError(t, err)
		return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
	}
	sc, sk := leaf(2, x509.ExtKeyUsageServerAuth)
	cc, ck := leaf(3, x509.ExtKeyUsageClientAuth)
	return testPKI{
		caFile:     writeFile(t, "ca.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})),
		serverCert: writeFile(t, "server.pem", sc), serverKey: writeFile(t, "server-key.pem", sk),
		clientCert: writeFile(t, "client.pem", cc), clientKey: writeFile(t, "client-key.pem", ck),
	}
}

// operatorSetup configures decentralised JWT auth (operator, system
// account, an account with JetStream) and returns a user's .creds file.
func operatorSetup(t *testing.T, o *server.Options) string {
	t.Helper()
	okp, err := nkeys.CreateOperator()
	require.NoError(t, err)
	opub, err := okp.PublicKey()
	require.NoError(t, err)
	oc := jwt.NewOperatorClaims(opub)
	ojwt, err := oc.Encode(okp)
	require.NoError(t, err)
	oclaims, err := jwt.DecodeOperatorClaims(ojwt)
	require.NoError(t, err)

	account := func(js bool) (nkeys.KeyPair, string, string) {
		kp, err := nkeys.CreateAccount()
		require.NoError(t, err)
		pub, err := kp.PublicKey()
		require.NoError(t, err)
		ac := jwt.NewAccountClaims(pub)
		if js {
			ac.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
		}
		tok, err := ac.Encode(okp)
		require.NoError(t, err)
		return kp, pub, tok
	}
	_, sysPub, sysJWT := account(false)
	akp, apub, ajwt := account(true)
	res := &server.MemAccResolver{}
	require.NoError(t, res.Store(sysPub, sysJWT))
	require.NoError(t, res.Store(apub, ajwt))
	o.TrustedOperators = []*jwt.OperatorClaims{oclaims}
	o.AccountResolver = res
	o.SystemAccount = sysPub

	ukp, err := nkeys.CreateUser()
	require.NoError(t, err)
	upub, err := ukp.PublicKey()
	require.NoError(t, err)
	ujwt, err := jwt.NewUserClaims(upub).Encode(akp)
	require.NoError(t, err)
	seed, err := ukp.Seed()
	require.NoError(t, err)
	creds, err := jwt.FormatUserConfig(ujwt, seed)
	require.NoError(t, err)
	return writeFile(t, "worker.creds", creds)
}

// TestWorkerAuthenticatesAndUsesTLS starts a server requiring each kind of
// credentials (and TLS) and checks that a worker configured with them
// connects and enriches an article, and that one without them is refused.
func TestWorkerAuthenticatesAndUsesTLS(t *testing.T) {
	tests := []struct {
		name string
		// setup configures the server and returns the worker's settings and
		// the test client's options.
		setup func(t *testing.T, o *server.Options, c *config.Config) []nats.Option
	}{
		{"user and password", func(_ *testing.T, o *server.Options, c *config.Config) []nats.Option {
			o.Username, o.Password = "wirenrich", "s3cret-pw"
			c.NatsUser, c.NatsPassword = "wirenrich", "s3cret-pw"
			return []nats.Option{nats.UserInfo("wirenrich", "s3cret-pw")}
		}},
		{"token", func(_ *testing.T, o *server.Options, c *config.Config) []nats.Option {
			o.Authorization = "tok-3f9a"
			c.NatsToken = "tok-3f9a"
			return []nats.Option{nats.Token("tok-3f9a")}
		}},
		{"nkey", func(t *testing.T, o *server.Options, c *config.Config) []nats.Option {
			kp, err := nkeys.CreateUser()
			require.NoError(t, err)
			pub, err := kp.PublicKey()
			require.NoError(t, err)
			seed, err := kp.Seed()
			require.NoError(t, err)
			o.Nkeys = []*server.NkeyUser{{Nkey: pub}}
			c.NatsNkeyFile = writeFile(t, "user.nk", seed)
			opt, err := nats.NkeyOptionFromSeed(c.NatsNkeyFile)
			require.NoError(t, err)
			return []nats.Option{opt}
		}},
		{"creds (operator JWT)", func(t *testing.T, o *server.Options, c *config.Config) []nats.Option {
			c.NatsCredsFile = operatorSetup(t, o)
			return []nats.Option{nats.UserCredentials(c.NatsCredsFile)}
		}},
		{"mutual TLS with user and password", func(t *testing.T, o *server.Options, c *config.Config) []nats.Option {
			pki := newPKI(t)
			tc, err := server.GenTLSConfig(&server.TLSConfigOpts{
				CertFile: pki.serverCert, KeyFile: pki.serverKey, CaFile: pki.caFile, Verify: true, Timeout: 2,
			})
			require.NoError(t, err)
			o.TLSConfig, o.TLS, o.TLSVerify, o.TLSTimeout = tc, true, true, 2
			o.Username, o.Password = "wirenrich", "tls-pw"
			c.NatsUser, c.NatsPassword = "wirenrich", "tls-pw"
			c.NatsTLSCaFile, c.NatsTLSCert, c.NatsTLSKey = pki.caFile, pki.clientCert, pki.clientKey
			return []nats.Option{nats.UserInfo("wirenrich", "tls-pw"), nats.RootCAs(pki.caFile), nats.ClientCert(pki.clientCert, pki.clientKey)}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := natstest.DefaultOptions()
			var cfg config.Config
			cfg = baseConfig(t, "placeholder")
			clientOpts := tt.setup(t, &o, &cfg)
			srv := natstest.RunServer(t, &o)
			cfg.NatsURL = srv.URL()

			// Without the credentials the worker is refused.
			bare := baseConfig(t, srv.URL())
			svc, err := service.New(bare, pipeline.Passthrough{}, zerolog.Nop())
			require.NoError(t, err)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			require.Error(t, svc.Run(ctx), "a worker without credentials is refused")

			startService(t, cfg, pipeline.Passthrough{}, quietLog(t))
			nc := srv.Connect(clientOpts...)
			if o.TLS {
				require.True(t, nc.TLSRequired() || strings.HasPrefix(nc.ConnectedUrl(), "tls"), "connection is TLS")
				_, err := nc.TLSConnectionState()
				require.NoError(t, err, "client connection uses TLS")
			}
			js, err := jetstream.New(nc)
			require.NoError(t, err)
			_, err = publishRetrying(ctx, js, inputArticle(1))
			require.NoError(t, err)
			waitSettled(t, js, 1, 20*time.Second)
			require.Equal(t, uint64(1), streamMsgs(js, "ARTICLES_ENRICHED"))
		})
	}
}

// TestDockerImageRunsAsNonRoot reads the Dockerfile: the final stage uses
// a non-root base and a non-root USER.
func TestDockerImageRunsAsNonRoot(t *testing.T) {
	data, err := os.ReadFile("../../Dockerfile")
	require.NoError(t, err)
	stages := regexp.MustCompile(`(?m)^FROM\s`).Split(string(data), -1)
	final := stages[len(stages)-1]
	require.Regexp(t, `(?m)^\S+:nonroot\b`, final, "a non-root base image")
	users := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(final, -1)
	require.NotEmpty(t, users, "the final stage sets USER")
	last := users[len(users)-1][1]
	user, _, _ := strings.Cut(last, ":")
	require.NotContains(t, []string{"root", "0"}, user, "runs as %s", last)
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestInfoLogsNeverHoldArticleText processes articles carrying a unique
// marker word — enriched, malformed, invalid UTF-8, timed out, and
// retried — with the log at info level, and checks that the marker never
// appears in the log.
func TestInfoLogsNeverHoldArticleText(t *testing.T) {
	marker := fmt.Sprintf("Zqxmarker%d", time.Now().UnixNano())
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := baseConfig(t, srv.URL())
	cfg.MaxDeliver = 2
	cfg.ArticleTimeout = 300 * time.Millisecond
	cfg.AckWait = time.Second
	var logs syncBuffer
	log := zerolog.New(&logs).Level(zerolog.InfoLevel)
	startService(t, cfg, &spinEnricher{spin: 500 * time.Millisecond}, log)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	inputs := [][]byte{
		fmt.Appendf(nil, `{"id":"log-1","headline":"%s","body":"Emmanuel Macron a vu %s à Paris.","language":"fr"}`, marker, marker),
		fmt.Appendf(nil, `{"id":"log-2","headline":"x","body":"%s`, marker),                    // malformed
		fmt.Appendf(nil, "%s \xff\xfe invalide", marker),                                       // invalid UTF-8
		fmt.Appendf(nil, "SPIN %s trop long", marker),                                          // times out, retried, dead-lettered
		fmt.Appendf(nil, `<newsItem><contentSet><inlineXML>%s</inlineXML></newsItem>`, marker), // bad XML
	}
	for i, data := range inputs {
		h := nats.Header{}
		h.Set(jetstream.MsgIDHeader, fmt.Sprintf("log-%d", i))
		_, err := publishRetrying(ctx, js, &nats.Msg{Subject: "articles.raw.logs", Data: data, Header: h})
		require.NoError(t, err)
	}
	waitSettled(t, js, uint64(len(inputs)), 30*time.Second)
	require.Positive(t, streamMsgs(js, "ARTICLES_ENRICHED"))
	require.Positive(t, streamMsgs(js, "ARTICLES_DLQ"))
	out := logs.String()
	require.Contains(t, out, "consuming", "the log was captured")
	require.NotContains(t, out, marker, "an article's text reached the info log")
}
