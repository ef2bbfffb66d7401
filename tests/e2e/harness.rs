//! Starts the real app binary through tauri-driver (which drives WebKitWebDriver) on a
//! data folder of the test's own, and stops it cleanly.
//!
//! Needs a display (the Makefile runs these tests under `xvfb-run`), `tauri-driver` and
//! `WebKitWebDriver` on PATH.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub const TODAY: &str = "2026-11-26";

// WebDriver's codes for keys that have no character; RELEASE lets go of held modifiers.
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const CTRL: &str = "\u{E009}";
pub const RELEASE: &str = "\u{E000}";
const PATIENCE: Duration = Duration::from_secs(20);

pub struct App {
    pub client: Client,
    driver: Child,
    /// A session bus of the app's own: the single-instance plugin claims its name there,
    /// so one journey's app never mistakes another's (or a developer's Ladder) for itself.
    bus: SessionBus,
}

/// A private D-Bus session daemon, stopped with the app.
pub struct SessionBus {
    daemon: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> SessionBus {
        use std::io::BufRead;
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon should be installed (make test installs it)");
        let mut line = String::new();
        let out = daemon.stdout.take().expect("the daemon's stdout");
        std::io::BufReader::new(out)
            .read_line(&mut line)
            .expect("dbus-daemon prints its address");
        SessionBus {
            daemon,
            address: line.trim().to_owned(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// A journey that fails (a panic) never reaches `quit`: its app is stopped here, so its
/// window does not stay on the display for the journeys after it.
impl Drop for App {
    fn drop(&mut self) {
        self.stop_driver();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl App {
    /// Launches the app with its data (and WebKit's caches) under `data_dir`.
    pub async fn launch(data_dir: &Path) -> App {
        Self::launch_with(data_dir, &[], Stdio::null()).await
    }

    /// Launches the app as [`App::launch`] does, with `envs` set on top of (or in place
    /// of) the test switches, and the app's log (its stderr, passed on by tauri-driver
    /// and WebKitWebDriver) sent to `log`.
    pub async fn launch_with(
        data_dir: &Path,
        envs: &[(&str, &std::ffi::OsStr)],
        log: impl Into<Stdio>,
    ) -> App {
        // Without the feature the app ignores the switches below and these journeys fail
        // in ways that do not say why (a native dialog nobody answers, the wrong day).
        if !cfg!(feature = "test-hooks") {
            panic!(
                "the end-to-end tests need the app's test switches: run them with \
                 --features test-hooks (make test-e2e does)"
            );
        }
        let port = free_port();
        let native_port = free_port();
        let xdg = data_dir.join("xdg");
        let bus = SessionBus::start();
        // The app inherits tauri-driver's environment, not the test's. Every LADDER_ name
        // but LADDER_DATA_DIR is a test switch (src-tauri/infra/test_hooks.rs).
        let mut driver = Command::new("tauri-driver");
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("LADDER_DATA_DIR", data_dir)
            .env("LADDER_TODAY", TODAY)
            // Files the app would ask where to save land here instead.
            .env("LADDER_SAVE_DIR", data_dir.join("exports"))
            // The file an "open" dialog would return: the sample CSV in the repository.
            .env(
                "LADDER_OPEN_FILE",
                concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-learning.csv"),
            )
            // The folder a "choose folder" dialog would return (made by the test that uses it).
            .env("LADDER_OPEN_FOLDER", data_dir.join("second-backups"))
            .env("XDG_DATA_HOME", xdg.join("data"))
            .env("XDG_CACHE_HOME", xdg.join("cache"))
            .env("XDG_CONFIG_HOME", xdg.join("config"))
            // "Show in folder" and web addresses open nothing (a `test-hooks` switch).
            .env("LADDER_NO_OPEN", "1")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .envs(envs.iter().copied())
            .stdout(Stdio::null())
            .stderr(log);
        let driver = driver
            .spawn()
            .expect("tauri-driver should be on PATH (make test installs it)");

        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "tauri-driver did not start listening"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_ladder") }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        App {
            client,
            driver,
            bus,
        }
    }

    /// Ends the session and stops tauri-driver with SIGTERM (SIGKILL would orphan
    /// WebKitWebDriver and hang the test run).
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.stop_driver();
        // Give the app a moment to release the database.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    fn stop_driver(&mut self) {
        if matches!(self.driver.try_wait(), Ok(None)) {
            let _ = Command::new("kill")
                .args(["-TERM", &self.driver.id().to_string()])
                .status();
            let _ = self.driver.wait();
        }
    }

    /// The address of the app's session bus, for a second launch to find the first.
    pub fn bus_address(&self) -> &str {
        &self.bus.address
    }

    /// tauri-driver and every process under it (WebKitWebDriver, the app), from /proc.
    pub fn processes(&self) -> Vec<u32> {
        let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                // The name in parentheses may hold spaces: the parent comes after it.
                let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
                Some((pid, ppid.parse().ok()?))
            })
            .collect();
        let mut tree = vec![self.driver.id()];
        let mut i = 0;
        while i < tree.len() {
            let parent = tree[i];
            tree.extend(
                parents
                    .iter()
                    .filter(|(_, p)| *p == parent)
                    .map(|(c, _)| *c),
            );
            i += 1;
        }
        tree
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
    }

    /// Waits for the element matching `css` to be enabled and clicks it: buttons stay
    /// disabled until their screen has loaded what they act on, and a click on a
    /// disabled button is silently lost.
    pub async fn click(&self, css: &str) {
        self.click_when_enabled(css, || self.find(css)).await;
    }

    /// Waits for an enabled element matching `css` whose text is exactly `text`, and
    /// clicks it.
    pub async fn click_text(&self, css: &str, text: &str) {
        self.click_when_enabled(&format!("{css} {text:?}"), || self.find_text(css, text))
            .await;
    }

    async fn click_when_enabled<F, Fut>(&self, what: &str, find: F)
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Element>,
    {
        let started = Instant::now();
        let el = loop {
            let el = find().await;
            if el.is_enabled().await.unwrap_or(false) {
                break el;
            }
            assert!(started.elapsed() < PATIENCE, "{what} stays disabled");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        el.click()
            .await
            .unwrap_or_else(|e| panic!("could not click {what}: {e}"));
    }

    /// Waits for an element matching `css` whose text is exactly `text`.
    pub async fn find_text(&self, css: &str, text: &str) -> Element {
        self.find_where(css, |t| t.trim() == text, &format!("with text {text:?}"))
            .await
    }

    /// Waits for an element matching `css` whose text contains `part`.
    pub async fn find_containing(&self, css: &str, part: &str) -> Element {
        self.find_where(css, |t| t.contains(part), &format!("containing {part:?}"))
            .await
    }

    async fn find_where(&self, css: &str, fits: impl Fn(&str) -> bool, what: &str) -> Element {
        let started = Instant::now();
        loop {
            for el in self
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default()
            {
                if el.text().await.map(|t| fits(&t)).unwrap_or(false) {
                    return el;
                }
            }
            if started.elapsed() > PATIENCE {
                let seen = self.texts(css).await;
                panic!("no {css} {what}; saw {seen:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
        {
            out.push(el.text().await.unwrap_or_default().trim().to_owned());
        }
        out
    }

    /// Waits until no element matches `css`.
    pub async fn gone(&self, css: &str) {
        let started = Instant::now();
        while !self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
            .is_empty()
        {
            assert!(started.elapsed() < PATIENCE, "{css} is still there");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Chooses an option of a select by its label, once the option is there (forms
    /// fill their lists after they open).
    pub async fn choose(&self, select: &str, label: &str) {
        self.find_text(&format!("{select} option"), label).await;
        self.find(select)
            .await
            .select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("no option {label:?} in {select}: {e}"));
    }

    /// Sends keys to the element matching `css` (which takes the focus first).
    pub async fn press(&self, css: &str, keys: &str) {
        self.find(css)
            .await
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("could not send keys to {css}: {e}"));
    }

    /// Saves the plan form as it stands, for this quarter while no plan is active: the
    /// new plan starts active and opens (no "Make active", no click on its title).
    pub async fn create_first_plan(&self) {
        self.click("[data-testid=save-plan]").await;
        self.find("#plan-heading").await;
        self.find_text("[data-testid=plan-screen-status]", "Active")
            .await;
    }

    /// Adds a goal to a focus area of the open plan (areas by id: 1 is Performance
    /// Excellence, 2 Leadership Qualities, ...) and waits for its panel.
    pub async fn add_goal(&self, area: i64, title: &str) {
        self.press(&format!("#add-goal-{area}"), &format!("{title}{ENTER}"))
            .await;
        self.find_text("[data-testid=goal-panel-title]", title)
            .await;
    }

    /// Sets a date input's value (WebKit's date fields take no typed keys) and tells the
    /// page, as picking a date would.
    pub async fn set_date(&self, css: &str, iso: &str) {
        let input = self.find(css).await;
        self.client
            .execute(
                "arguments[0].value = arguments[1];
                 arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                vec![serde_json::to_value(&input).unwrap(), iso.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("could not set {css}: {e}"));
    }

    /// Replaces an input's text the way a person would: select all, then type.
    pub async fn type_into(&self, css: &str, text: &str) {
        let input = self.find(css).await;
        input.clear().await.expect("clear the input");
        input.send_keys(text).await.expect("type into the input");
    }

    /// Saves a screenshot under target/e2e-screenshots for a person to look at. It grabs
    /// the X display: WebKitWebDriver's own screenshot can show a frame from before the
    /// last change.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // WebKit under Xvfb paints a little after the DOM settles.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let grabbed = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if !grabbed {
            let png = self.client.screenshot().await.expect("a screenshot");
            std::fs::write(&path, png).unwrap();
        }
        path
    }

    /// The web view's own picture, through WebDriver. Here `import -window root` was seen
    /// to return a frame painted seconds earlier (a screen behind, no modal dialog in it);
    /// WebDriver's shows what is on the page now, dialogs included.
    pub async fn screenshot_page(&self, name: &str) -> PathBuf {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(&path, png).unwrap();
        path
    }
}
