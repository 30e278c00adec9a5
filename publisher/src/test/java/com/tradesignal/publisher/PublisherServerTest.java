package com.tradesignal.publisher;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublisherServerTest {

    @Test
    void healthAnswersOnLoopback() throws Exception {
        try (PublisherServer server = PublisherServer.start(PublisherServer.DEFAULT_HOST, 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void byDefaultItIsNotReachableOnOtherInterfaces() throws Exception {
        java.net.InetAddress other = null;
        for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) other = a;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has no non-loopback IPv4 address");
        java.net.InetAddress address = other;
        try (PublisherServer server = PublisherServer.start(PublisherServer.DEFAULT_HOST, 0)) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, server.port()), 1000);
                }
            }).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void flinkIsNotOnThePublishersClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.flink.api.common.JobID"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
